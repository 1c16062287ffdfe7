export * from './users';
export * from './mentorship';
export * from './social';
export * from './requests';
export * from './events';
export * from './content';
export * from './notifications';
export * from './safety';
