export * from './topics';
export * from './stock-commands';
export * from './stock-replies';
export * from './reference-data-events';
export * from './stock-events';
export * from './putaway-replies';
