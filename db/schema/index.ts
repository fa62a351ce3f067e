export * from './users';
export * from './spaces';
export * from './pages';
export * from './system';
export * from './collab';
export * from './motions';
export * from './section-life';
