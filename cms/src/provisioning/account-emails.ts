import type { Core } from '@strapi/strapi';

const STOCK_SENDER = 'no-reply@strapi.io';

interface EmailTemplate {
  options: {
    from: { name: string; email: string };
    response_email: string;
    object: string;
    message: string;
  };
}

/** The reset-password email in both languages, each with a link to its own portal page. */
export function resetPasswordTemplate(portalUrl: string, from: { name: string; email: string }) {
  const link = (locale: string) => `${portalUrl}/${locale}/reset-password?code=<%= TOKEN %>`;
  return {
    from,
    response_email: '',
    object: 'Reset your MotorGhar password / मोटरघरको पासवर्ड रिसेट गर्नुहोस्',
    message: `<p>Someone (we hope you) asked to reset the password of your MotorGhar account.</p>
<p><a href="${link('en')}">Choose a new password</a>. The link works once and expires soon.</p>
<p>If it was not you, ignore this email: your password stays as it is.</p>
<hr>
<p lang="ne">कसैले (आशा छ तपाईंले नै) तपाईंको मोटरघर खाताको पासवर्ड रिसेट गर्न अनुरोध गर्नुभएको छ।</p>
<p lang="ne"><a href="${link('ne')}">नयाँ पासवर्ड छान्नुहोस्</a>। यो लिंक एक पटक मात्र चल्छ र छिट्टै समाप्त हुन्छ।</p>
<p lang="ne">तपाईंले अनुरोध गर्नुभएको होइन भने यो इमेललाई बेवास्ता गर्नुहोस्: तपाईंको पासवर्ड जस्ताको तस्तै रहन्छ।</p>`,
  };
}

function parseSender(emailFrom: string): { name: string; email: string } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(emailFrom);
  return match
    ? { name: match[1] || 'MotorGhar', email: match[2] }
    : { name: 'MotorGhar', email: emailFrom };
}

/**
 * Points account emails (password reset) at the portal, in English and Nepali, and keeps
 * sign-up open with unique emails and no confirmation step. Settings are rewritten at
 * every boot so PORTAL_URL changes apply; the email text only while it is still Strapi's
 * stock text, so an admin's edits in the panel are kept.
 */
export async function configureAccountEmails(
  strapi: Core.Strapi,
  portalUrl: string,
  emailFrom: string,
): Promise<void> {
  const base = portalUrl.replace(/\/$/, '');
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  const wanted = {
    ...advanced,
    unique_email: true,
    allow_register: true,
    email_confirmation: false,
    default_role: 'authenticated',
    email_reset_password: `${base}/en/reset-password`,
  };
  if (JSON.stringify(wanted) !== JSON.stringify(advanced)) {
    await store.set({ key: 'advanced', value: wanted });
  }

  const templates = ((await store.get({ key: 'email' })) ?? {}) as Record<string, EmailTemplate>;
  const reset = templates.reset_password;
  if (reset && reset.options.from.email === STOCK_SENDER) {
    reset.options = resetPasswordTemplate(base, parseSender(emailFrom));
    await store.set({ key: 'email', value: templates });
  }
}
