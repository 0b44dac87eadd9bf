// The catalogue domain's public server API: provider services (tenant-scoped verbs and reads).
export { createService, categoryIdOf } from './create-service';
export { updateService } from './update-service';
export { setServiceStatus, serviceStatusTransitions } from './set-service-status';
export { listServices, getService, findProviderService, listCategoryChoices } from './queries';
export type { ServiceView } from './service-dto';
export { managedProviderOrgId, servicemanProviderOrgIds } from './tenant';
