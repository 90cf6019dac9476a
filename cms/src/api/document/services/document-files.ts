import type { Core } from '@strapi/strapi';
import { loadEnv } from '../../../lib/env';
import { createPrivateFiles, type PrivateFiles } from '../../../lib/storage';

/** The private store of this instance (S3 bucket or the private folder), made once. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let files: PrivateFiles | null = null;
  return {
    store(): PrivateFiles {
      files ??= createPrivateFiles(loadEnv(), strapi.dirs.app.root);
      return files;
    },
  };
};
