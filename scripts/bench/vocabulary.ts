// Word lists the synthetic corpus is written from. They imitate the
// engineering handbooks the site is built for (see docs/authoring.md); none
// of it needs to make sense, only to look like what authors write: the same
// heading shapes, the same density of references, code samples and lists.

/** Top-level sections of the big SOP, in order (numbered 1…). */
export const sopSectionTitles = [
  'Purpose and Scope',
  'Development Workflow',
  'Go Code Style',
  'Error Handling Policy',
  'Concurrency and Resource Policy',
  'Context and Cancellation',
  'Logging and Observability',
  'Configuration',
  'Secrets Handling',
  'API Design',
  'Database Access',
  'Testing Standards',
  'Code Review',
  'Continuous Integration',
  'Dependency Management',
  'Design Documents',
  'Release Process',
  'Feature Flags',
  'Performance Budgets',
  'Incident Response',
  'Production Readiness',
  'Changing This Document',
] as const

/** First words of generated subsection titles; combined with `titleNouns` they never run out. */
export const titleQualifiers = [
  'Retry',
  'Timeout',
  'Lock',
  'Channel',
  'Error',
  'Queue',
  'Cache',
  'Schema',
  'Index',
  'Token',
  'Lease',
  'Quota',
  'Release',
  'Rollout',
  'Alert',
  'Metric',
  'Log',
  'Trace',
  'Config',
  'Secret',
  'Build',
  'Test',
  'Review',
  'Goroutine',
  'Package',
  'Migration',
] as const

/** Last words of generated subsection titles. */
export const titleNouns = [
  'Policy',
  'Budgets',
  'Ownership',
  'Discipline',
  'Limits',
  'Naming',
  'Handling',
  'Wrapping',
  'Checks',
  'Rules',
  'Reviews',
  'Templates',
  'Examples',
  'Exceptions',
  'Defaults',
  'Rotation',
  'Retention',
  'Validation',
  'Hygiene',
  'Layout',
] as const

/** Areas of functional requirements (`### 7.1 Node Lifecycle`). */
export const requirementAreas = [
  'Node Lifecycle',
  'Tenancy and Quotas',
  'Scheduling and Placement',
  'Secrets and Credentials',
  'API Surface',
  'Audit Events',
  'Networking',
  'Block Storage',
  'Usage Events',
  'Regions and Zones',
  'Upgrades',
  'Node Pools',
  'Images',
  'Load Balancing',
  'Access Control',
  'Console',
  'Command-Line Tool',
  'Backups',
  'Maintenance Windows',
  'Capacity Reports',
] as const

/** Components a requirement or design is about. */
export const components = [
  'node registry',
  'scheduler',
  'quota service',
  'credential rotator',
  'API server',
  'node agent',
  'audit log',
  'usage exporter',
  'image cache',
  'load balancer',
  'placement engine',
  'lease manager',
  'drain controller',
  'policy engine',
  'event bus',
  'backup agent',
] as const

/** Features of components, for requirement texts and design titles. */
export const features = [
  'eviction',
  'heartbeats',
  'drain',
  'rotation',
  'pagination',
  'idempotency',
  'backfill',
  'rate limiting',
  'zone spread',
  'affinity',
  'snapshots',
  'revocation',
  'retention',
  'export',
  'reconciliation',
  'admission',
  'failover',
  'warm-up',
] as const

/** Grammatical subjects of generated sentences. */
export const subjects = [
  'Every goroutine',
  'The caller',
  'A handler',
  'Each service',
  'The reconciler',
  'A pull request',
  'The scheduler',
  'Every error',
  'The on-call engineer',
  'A migration',
  'Each test',
  'The registry',
  'A reviewer',
  'Every outbound call',
  'The quota service',
  'A design document',
  'The release train',
  'Each component',
] as const

/** Verb phrases of generated sentences (after a modal). */
export const predicates = [
  'wrap the error with the operation that failed',
  'take a context as its first argument',
  'be bounded by a deadline',
  'stop when its owner cancels it',
  'log once, at the boundary',
  'carry the requirement ID in its title',
  'keep the critical section small',
  'close the channel it sends on',
  'return early on invalid input',
  'expose a metric with bounded labels',
  'fail closed when the policy is unknown',
  'retry with jitter and a budget',
  'be reviewed by a second engineer',
  'ship behind a feature flag',
  'record an audit event',
  'read secrets only at startup',
  'run with the race detector in CI',
  'document the reason next to the rule',
  'hold no lock across I/O',
  'be idempotent under retries',
] as const

/** Tails that end a plain sentence. */
export const tails = [
  'so that failures stay visible',
  'because the on-call engineer reads it at three in the morning',
  'unless the design says otherwise',
  'even under load',
  'in every region',
  'before the change is merged',
  'without exception',
  'when the budget allows it',
  'so that a restart loses nothing',
  'which keeps the hot path predictable',
] as const

/** Role guides, by `name`. */
export const roleNames = [
  'engineer',
  'architect',
  'tech-lead',
  'unit-tester',
  'product-owner',
  'documenter',
  'sre',
  'security-reviewer',
  'release-manager',
  'data-engineer',
  'qa-engineer',
  'support-engineer',
  'incident-commander',
  'performance-engineer',
  'api-reviewer',
  'database-owner',
  'platform-engineer',
  'ux-writer',
  'compliance-officer',
  'build-engineer',
] as const

/** Role colours (Claude-style agent files carry one). */
export const roleColors = ['blue', 'green', 'purple', 'orange', 'red', 'yellow', 'cyan'] as const

/** Topics of further SOP-like standards documents (`docs/standards/NETWORKING_STANDARD.md`). */
export const standardTopics = [
  'networking',
  'security',
  'api',
  'database',
  'frontend',
  'mobile',
  'data-pipeline',
  'observability',
  'release',
  'accessibility',
  'privacy',
  'cost',
] as const

/** Headings of unnumbered guides, CONTEXT.md style. */
export const guideHeadings = [
  'What This Repository Is',
  'Repository Layout',
  'Build and Test Commands',
  'Key Documents',
  'Conventions That Trip People Up',
  'Where to Ask',
  'Local Setup',
  'Debugging Tips',
  'Common Failures',
  'Glossary',
  'Frequently Asked Questions',
  'Release Notes',
  'Ownership',
  'Runbooks',
] as const

/** Headings of design documents, numbered 1… in this order. */
export const designSectionTitles = [
  'Summary',
  'Motivation',
  'Scope and Non-Goals',
  'Proposed Design',
  'Alternatives Considered',
  'Testing Plan',
  'Rollout',
  'Open Questions',
] as const

/** Top-level sections of the requirements document, numbered 1… in this order. */
export const requirementsSectionTitles = [
  'Vision',
  'Users',
  'Goals',
  'Tenets',
  'Assumptions and Constraints',
  'Operating Environment',
  'Functional Requirements',
  'Non-Functional Requirements',
  'Data Model',
  'External Interfaces',
  'Compliance',
  'Operations and Support',
  'Risks',
  'Dependencies',
  'Milestones',
  'Open Questions',
  'MVP Scope',
] as const

/** Non-functional categories: ID letter and subsection title. */
export const nfrCategories = [
  ['P', 'Performance'],
  ['A', 'Availability'],
  ['S', 'Security'],
  ['O', 'Observability'],
] as const

/** Identifiers used in code samples. */
export const codeNames = [
  'registry',
  'lease',
  'quota',
  'node',
  'tenant',
  'batch',
  'worker',
  'token',
  'placement',
  'event',
] as const
