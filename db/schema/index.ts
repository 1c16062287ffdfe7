export * from './users';
export * from './mentorship';
export * from './social';
