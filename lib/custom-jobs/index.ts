import 'server-only';

// The custom-jobs domain's public server API.
export { postJob } from './post-job';
export { editJob } from './edit-job';
export { cancelJob } from './cancel-job';
export { extendDeadline } from './extend-deadline';
export { closeDueJobs, suggestProviders } from './close-due-jobs';
export { feedItemFor, getJob, jobFeed, jobFormOptions, listAllJobs, listMyJobs, mayHearOf, readJobPhoto, type FeedItem, type FeedPage, type JobDetail, type MyJobRow } from './queries';
export { isEligibleProvider, eligibleSql } from './eligibility';
export { listenJobChanges, publishJobChange, type JobChange } from './realtime';
export { customJobContracts } from './contracts';
