export * from './acknowledgments';
export * from './aws-solutions-findings';
