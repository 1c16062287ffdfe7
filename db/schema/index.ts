export * from './users';
export * from './mentorship';
