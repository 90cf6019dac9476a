// Ports of the servers the browser tests start (the CMS's S3 bucket included); away from `npm run dev`'s 1337 and 4321.
export const CMS_PORT = Number(process.env.E2E_CMS_PORT ?? 1437);
export const PORTAL_PORT = Number(process.env.E2E_PORTAL_PORT ?? 4421);
export const S3_PORT = Number(process.env.E2E_S3_PORT ?? 1457);
// The CMS's SMS gateway: nothing listens there unless a test opens it (reminder-deliveries).
export const SMS_PORT = Number(process.env.E2E_SMS_PORT ?? S3_PORT + 1);
