export * from './acknowledgments';
export * from './aws-solutions-findings';
export * from './dashboard-body';
export * from './live-alias-wiring';
