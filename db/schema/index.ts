// Barrel of every domain's tables; drizzle-kit and the db client read this.
export * from './identity';
export * from './platform';
export * from './catalog';
export * from './geo';
export * from './crew';
export * from './finance';
export * from './bookings';
export * from './billing';
export * from './files';
export * from './custom-jobs';
export * from './disputes';
export * from './compliance';
export * from './inventory';
export * from './marketplace';
export * from './rentals';
