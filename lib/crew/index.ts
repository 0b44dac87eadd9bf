// The crew domain's public server API: servicemen, their working hours, exceptions and time off.
export { createServiceman } from './create-serviceman';
export { updateServiceman, setServicemanStatus } from './update-serviceman';
export { setWeeklyHours } from './set-weekly-hours';
export { addException, removeException, addTimeOff, removeTimeOff } from './exceptions';
export { listServicemen, listMyServicemen, getServiceman, type ServicemanView, type ServicemanDetail } from './queries';
export { authorizeCrewWrite, canAdminister, isSelf } from './access';
