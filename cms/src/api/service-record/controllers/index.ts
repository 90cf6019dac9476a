import serviceRecords from './service-records';

export default { 'service-records': serviceRecords };
