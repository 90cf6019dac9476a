import type { Domain } from '../../lib/domain';
import { onDomainEvent } from '../../lib/domain-events';
import { ensureDocumentIndexes } from './indexes';
import { DOCUMENT_OWNER_ACTIONS } from './permissions';
import { getDocumentService } from './services';

/** Uploads presigned but never finalised are swept every hour, at minute 17. */
export const UPLOAD_SWEEP_RULE = '17 * * * *';

/** An owner's papers (bluebook, insurance, licence, ...) with their files in the private vault. */
export const documentDomain: Domain = {
  name: 'document',
  register(strapi) {
    // In the vehicle's deletion transaction: its documents go with it, their files after commit.
    onDomainEvent(strapi, 'vehicle.deleted', ({ ownerId, vehicleId }) =>
      getDocumentService(strapi, 'documents').removeForVehicle(ownerId, vehicleId),
    );
    onDomainEvent(strapi, 'service-record.deleted', ({ ownerId, serviceRecordId }) =>
      getDocumentService(strapi, 'documents').detachFromServiceRecord(ownerId, serviceRecordId),
    );
    strapi.cron.add({
      'document.upload-sweep': {
        task: async () => {
          try {
            const removed = await getDocumentService(strapi, 'document-uploads').sweep();
            if (removed > 0) strapi.log.info('unfinished document uploads removed', { removed });
          } catch (error) {
            strapi.log.error('document upload sweep failed', { error: (error as Error).message });
          }
        },
        options: { rule: UPLOAD_SWEEP_RULE },
      },
    });
  },
  bootstrap: ensureDocumentIndexes,
  permissions: { owner: DOCUMENT_OWNER_ACTIONS },
};
