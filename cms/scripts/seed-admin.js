// `npm run seed:admin`: creates the first Super Admin from ADMIN_EMAIL and ADMIN_PASSWORD,
// on the database the environment configures. Does nothing when an admin exists already.
const { dist, withStrapi } = require('./with-strapi');

withStrapi('seed:admin', async (strapi) => {
  const { adminCredentialsProblem } = dist('src/provisioning/admin-credentials.js');
  const { ensureSuperAdmin } = dist('src/provisioning/super-admin.js');
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = process.env;
  const problem = adminCredentialsProblem(email, password);
  if (problem) throw new Error(problem);
  const created = await ensureSuperAdmin(strapi, { email, password });
  return created
    ? `created the Super Admin ${email.toLowerCase()}`
    : 'an admin already exists; nothing changed';
});
