// Behavioural concepts that rubric keyword groups name: each concept is one idea an interviewer
// listens for (a hard date, a root cause, a runbook left behind), written as the many ways engineers
// say it in their own words. A rubric group lists concept ids next to its own phrases.
//
// Phrase syntax: words separated by spaces, compared on stems and case-insensitively; `a/b/c` in
// one slot matches any of those words; `…` is a gap of zero to three arbitrary words. A phrase never
// starts or ends with `…` and holds at most two of them. Negation is handled by the matcher, so
// phrases are written positively unless the concept itself is a negative one.

export interface Concept {
  label: string
  phrases: readonly string[]
}

// biome-ignore format: phrase lists stay dense so that a concept reads as one paragraph
export const CONCEPTS: Readonly<Record<string, Concept>> = {
  // ── Judgement and evidence ────────────────────────────────────────────────────────────────
  'sought-dissent': {
    label: 'seeking out views that could prove you wrong',
    phrases: [
      'second opinion', "devil's advocate", 'poke/poked holes', 'asked … to challenge', 'asked … to poke',
      'asked … to tear', 'tear it apart', 'find the holes', 'sought out', 'seek/sought … feedback',
      'asked for feedback', 'asked for pushback', 'opposing view', 'other views', 'the skeptics',
      'the sceptics', 'most skeptical', 'most sceptical', 'red team', 'red-teamed', 'prove me wrong',
      'proved me wrong', 'talked to the people who disagreed', 'who disagreed with me', 'disagreed with me',
      'the strongest counter-argument', 'counter-argument', 'counterargument', 'steelman', 'steelmanned',
      'asked … what I was missing', 'what am I missing', 'what I might be missing', 'invited criticism',
      'outside perspective', 'fresh eyes', 'ran it past', 'ran it by', 'sanity check', 'sanity-checked',
      'asked a senior', 'asked the staff engineer', 'premortem', 'pre-mortem',
    ],
  },
  'evidence-based': {
    label: 'evidence rather than opinion',
    phrases: [
      'pulled the data', 'pulled the numbers', 'looked at the data', 'looked at the numbers',
      'the data showed', 'the data said', 'the numbers showed', 'data showed', 'data-driven', 'data driven',
      'based on data', 'backed … with data', 'backed … with numbers', 'with data', 'with evidence',
      'the evidence', 'hard numbers', 'historical data', 'incident history', 'six months of',
      'twelve months of', 'last year of data', 'analysed', 'analyzed', 'analysis', 'spreadsheet',
      'side-by-side comparison', 'comparison table', 'ran the numbers', 'crunched the numbers', 'quantified',
      'counted how many', 'went through the last', 'sample of', 'looked at … tickets', 'dashboard showed',
      'the metrics showed', 'graphs showed', 'evidence instead of', 'narrowed the uncertainty',
      'reduced the uncertainty', 'reduce the uncertainty',
    ],
  },
  experiment: {
    label: 'an experiment or a small trial',
    phrases: [
      'AB test', 'split test', 'experiment', 'experimented', 'ran a test', 'ran a trial', 'trial run',
      'a trial', 'pilot', 'piloted', 'backtest', 'backtested', 'tried it on', 'tried it with',
      'tested it on one', 'tested it with one', 'one team first', 'small test', 'spike', 'timeboxed spike',
      'time-boxed', 'bake-off', 'bakeoff', 'head-to-head', 'ran both', 'tried both', 'control group',
      'holdout', 'dark launch', 'shadow mode', 'ran … in parallel', 'benchmark', 'benchmarked',
      'proof of concept',
    ],
  },
  'questioned-assumptions': {
    label: 'examining your own assumptions',
    phrases: [
      'my assumption', 'my assumptions', 'assumption', 'assumptions', 'I assumed', 'tested the assumption',
      'tested my assumption', 'checked my assumption', 'challenged my own', 'questioned my', 'I was wrong',
      'I had been wrong', 'I was partly wrong', 'partly wrong', 'changed my mind', 'change my mind',
      'changed my view', 'updated my view', 'updated my thinking', 'reconsidered', 'revisited my',
      'rethought', 'second-guessed', 'what would prove', 'what would change my mind',
      'what would make me wrong', 'if I was wrong', 'in case I was wrong', 'I could be wrong',
      'might be wrong', 'not sure I was right', 'my first instinct', 'my first position', 'my initial view',
      'my original view', 'my gut said', 'my gut feeling', 'I realised', 'I realized',
      'I was convinced … wrong', 'premortem', 'pre-mortem', 'kill criteria', 'changed course',
    ],
  },
  'call-vindicated': {
    label: 'evidence the call was right',
    phrases: [
      'turned out to be right', 'turned out right', 'was the right call', 'the right call', 'right decision',
      'was right', 'proved right', 'proven right', 'proved correct', 'held up', 'has held up', 'confirmed',
      'validated', 'vindicated', 'borne out', 'paid off', 'the prediction', 'predicted', 'as I had predicted',
      'as we expected', 'within … of my estimate', 'within … of the forecast', 'the other option would have',
      'the alternative would have', 'the rival vendor', 'the other vendor', 'the team that went',
      'a year later', 'six months later', 'looking back', 'in hindsight', 'I would make it again',
      'would make the same call', 'would decide the same', 'still the right',
    ],
  },
  'loss-avoided': {
    label: 'a loss avoided',
    phrases: [
      'avoided', 'would have cost', 'would have lost', 'would have taken', 'would have missed',
      'would have broken', 'saved us', 'saved the', 'prevented', 'averted', 'spared', 'dodged',
      'avoided an outage', 'avoided a', 'no customer impact', 'no data loss', 'without losing', 'kept … from',
      'instead of losing', 'instead of weeks', 'instead of days', 'rather than losing', 'lost revenue',
      'revenue at risk', 'exposure', 'penalty', 'missed the window', 'would have hit',
    ],
  },

  // ── Speed and risk ─────────────────────────────────────────────────────────────────────────
  'acted-fast': {
    label: 'acting fast',
    phrases: [
      'within an hour', 'within hours', 'within … minutes', 'within … hours', 'the same day', 'same day',
      'same afternoon', 'that afternoon', 'that evening', 'that night', 'that morning', 'immediately',
      'right away', 'straight away', 'at once', 'quickly', 'overnight', 'next morning', 'the next morning',
      'by lunch', 'by the end of the day', 'end of day', 'in a day', 'in two days', 'within a day',
      'within a week', 'within the hour', 'minutes later', 'an hour later', 'first thing', 'jumped on',
      'jumped in', 'moved fast', 'moved quickly', 'acted fast', 'acted quickly', 'at 2 am', 'at 3 am',
      'in the middle of the night', 'over the weekend', 'same week', 'ASAP', 'urgently', 'I paged',
      'paged the on-call',
    ],
  },
  'reversible-step': {
    label: 'limiting the risk with a reversible step',
    phrases: [
      'rollback', 'roll back', 'rolled back', 'rollback plan', 'revert', 'reverted', 'reversible',
      'easy to undo', 'undo', 'could undo', 'could back out', 'back out', 'feature flag', 'feature toggle',
      'behind a flag', 'behind a toggle', 'flagged off', 'kill switch', 'canary', 'canaried',
      'small first step', 'smallest step', 'small step', 'one region', 'one customer first',
      'internal users first', 'rollout to … %', 'rolled out to … %', 'rollout to', 'gradual rollout',
      'staged rollout', 'phased rollout', 'ramp up', 'ramped up', 'two-way door', 'calculated risk',
      'limited the blast radius', 'blast radius', 'dry run', 'dry-run', 'read-only mode', 'took a backup',
      'backup first', 'safety net', 'fallback', 'fall back',
    ],
  },
  'acted-without-certainty': {
    label: 'acting before everything was known',
    phrases: [
      'without waiting', 'instead of waiting', 'rather than wait', 'rather than waiting', 'before we knew',
      'before I knew', 'before the root cause', 'before we had', 'before … was known',
      'incomplete information', 'incomplete data', 'partial information', 'partial data',
      'limited information', 'limited data', 'not all the data', 'enough data', 'enough information',
      'good enough', 'seventy percent', 'best guess', 'educated guess', 'decided to go', 'go ahead anyway',
      'went ahead', 'waiting would have', 'waiting would cost', 'cost of waiting', 'cost of delay',
      'waiting was', 'could not wait', 'wait for certainty', 'perfect information', 'analysis paralysis',
      'bias for action', 'made a call', 'decided on the spot', 'with what we had', 'with what I had',
      'uncertainty', 'uncertain', 'unknowns',
    ],
  },
  'time-gained': {
    label: 'time bought by moving fast',
    phrases: [
      'in time', 'just in time', 'before the deadline', 'ahead of', 'ahead of schedule', 'hours earlier',
      'days earlier', 'weeks earlier', 'a week earlier', 'a day earlier', 'earlier than', 'days ahead',
      'weeks ahead', 'hours ahead', 'instead of waiting', 'instead of … weeks', 'instead of … days',
      'instead of … months', 'rather than … weeks', 'within … minutes', 'back up in', 'down for only',
      'only … minutes of downtime', 'minutes of downtime', 'hours of downtime', 'downtime', 'time to market',
      'first to market', 'beat the', 'kept the launch', 'kept the deadline', 'made the deadline',
      'unblocked … weeks', 'saved … days', 'saved … weeks', 'saved … hours',
    ],
  },

  // ── Performance ────────────────────────────────────────────────────────────────────────────
  profiling: {
    label: 'measuring where the time or memory goes',
    phrases: [
      'profiled', 'profiler', 'profiling', 'flame graph', 'flamegraph', 'flame graphs', 'pprof',
      'perf record', 'async-profiler', 'py-spy', 'heap dump', 'heap profile', 'heap snapshot', 'thread dump',
      'CPU profile', 'memory profile', 'allocation profile', 'query plan', 'explain plan', 'explain analyze',
      'explain analyse', 'slow query log', 'distributed tracing', 'traced the request', 'traced requests',
      'tracing', 'spans', 'Jaeger', 'Zipkin', 'OpenTelemetry', 'Datadog APM', 'APM', 'instrumented',
      'added instrumentation', 'added timing', 'added metrics', 'timed each', 'timing logs',
      'Chrome DevTools', 'performance tab', 'Lighthouse', 'waterfall', 'strace', 'perf top', 'JFR',
      'flight recorder', 'cost breakdown', 'cost per query', 'billing export', 'cost explorer',
    ],
  },
  'baseline-benchmark': {
    label: 'a baseline measured before any change',
    phrases: [
      'baseline', 'baselined', 'benchmark', 'benchmarked', 'benchmarks', 'load test', 'microbenchmark',
      'measured first', 'measure first', 'measured before', 'before touching', 'before changing',
      'before I changed', 'starting number', 'starting point was', 'p50', 'p95', 'p99', 'p999', 'percentile',
      'latency histogram', 'wrk', 'JMH', 'k6', 'Gatling', 'Locust', 'hyperfine', 'repeatable test',
      'reproducible benchmark', 'representative', 'production-sized', 'production-like', 'realistic data',
      'recorded the', 'recorded a',
    ],
  },
  bottleneck: {
    label: 'the real bottleneck',
    phrases: [
      'bottleneck', 'bottlenecks', 'hot path', 'hot loop', 'hotspot', 'hot spot', 'N+1', 'n + 1',
      'one query per', 'a query per', 'separate database call', 'allocations', 'allocating',
      'lock contention', 'contention', 'mutex', 'full table scan', 'table scan', 'sequential scan',
      'seq scan', 'missing index', 'slow query', 'slow queries', 'garbage collection', 'GC pauses',
      'GC pause', 'GC pressure', 'serialization', 'serialisation', 'deserialization', 'JSON parsing',
      'round trips', 'round-trips', 'chatty', 'blocking call', 'synchronous call', 'cache miss',
      'cache misses', 'memory leak', 'thrashing', 'most of the time went', 'spent most of its time',
      '% of the time', 'of the CPU', 'dominated by', 'the culprit', 'regex backtracking',
    ],
  },
  'performance-fix': {
    label: 'a targeted fix to the bottleneck',
    phrases: [
      'added an index', 'added a composite index', 'added the index', 'indexed', 'batched', 'batching',
      'batch the', 'one batched query', 'single query', 'cached', 'caching', 'added a cache', 'memoized',
      'memoised', 'memoization', 'precomputed', 'pre-computed', 'materialized view', 'denormalized',
      'connection pool', 'connection pooling', 'pooled', 'streamed', 'streaming', 'lazy loading',
      'lazy-loaded', 'lazily', 'vectorized', 'vectorised', 'parallelized', 'parallelised', 'async',
      'non-blocking', 'pagination', 'paginated', 'compressed', 'trimmed the payload', 'smaller payload',
      'fewer round trips', 'rewrote the query', 'rewrote the loop', 'reused the buffer', 'object pool',
      'avoided the allocation', 'moved … off the hot path', 'debounced', 'code splitting', 'tree shaking',
    ],
  },
  'before-after-comparison': {
    label: 'a like-for-like before-and-after comparison',
    phrases: [
      'before and after', 'before-and-after', 'side by side', 'side-by-side', 'same benchmark', 'same test',
      'same load', 'same conditions', 'same dataset', 'same hardware', 'against the old',
      'against the baseline', 'compared with the baseline', 'compared to the baseline', 'compared … before',
      'compared', 'from … to … ms', 'like for like', 'like-for-like', 'apples to apples',
      'reran the benchmark', 're-ran the benchmark', 'ran it again', 'measured again',
      'measured the same way', 'attribute the gain',
    ],
  },
  'automated-guard': {
    label: 'an automated check that stops a regression',
    phrases: [
      'CI check', 'in CI', 'to CI', 'CI pipeline', 'pipeline check', 'pre-commit hook', 'pre-merge check',
      'fails the build', 'fail the build', 'breaks the build', 'blocks the merge', 'blocked merges',
      'required check', 'performance budget', 'perf budget', 'latency budget', 'bundle size budget',
      'regression test', 'regression tests', 'added a test', 'added tests', 'automated test',
      'automated tests', 'integration test', 'contract test', 'test suite', 'lint rule', 'linter',
      'static check', 'type check', 'quality gate', 'gate', 'guardrail', 'guardrails', 'property-based test',
      'fuzz test', 'canary analysis', 'automated check', 'automatic check', 'performance test',
      'load test in CI', 'caught earlier', 'catch it earlier', 'catches it',
    ],
  },
  'operational-safeguard': {
    label: 'monitoring that keeps it fixed',
    phrases: [
      'alert', 'alerts', 'alerting', 'added an alert', 'set up an alert', 'paging alert', 'monitor',
      'monitoring', 'dashboard', 'dashboards', 'Grafana', 'Datadog', 'PagerDuty', 'SLO', 'error budget',
      'health check', 'synthetic check', 'synthetic monitor', 'watchdog', 'anomaly detection', 'runbook',
      'runbooks', 'playbook', 'playbooks', 'weekly report', 'weekly review', 'audit job', 'nightly check',
      'reconciliation job',
    ],
  },

  // ── Customers ─────────────────────────────────────────────────────────────────────────────
  'customer-contact': {
    label: 'learning from customers first hand',
    phrases: [
      'talked to customers', 'talk to customers', 'spoke to customers', 'spoke with customers',
      'talked to … users', 'spoke to … users', 'called … customers', 'customer call', 'customer calls',
      'on a call with', 'call with the customer', 'support tickets', 'support ticket', 'read … tickets',
      'went through … tickets', 'support queue', 'Zendesk', 'Intercom', 'shadowed', 'shadowing', 'sat with',
      'sat next to', 'visited', 'site visit', 'on site', 'user interview', 'user interviews',
      'customer interviews', 'interviewed … users', 'interviewed … customers', 'watched … use',
      'watched them', 'watched users', 'session recordings', 'usability test', 'usability testing',
      'user research', 'customer feedback', 'user feedback', 'feedback from', 'complaints', 'complained',
      'NPS comments', 'survey responses', 'app store reviews', 'reviews said', 'went to the source',
      'support rotation', 'joined the support', 'listened to … calls',
    ],
  },
  'customer-need': {
    label: 'working back from the customer need',
    phrases: [
      'working backwards', 'worked backwards', 'work backwards', 'working back from', 'their workflow',
      'their workaround', 'pain point', 'pain points', 'what they needed', 'what they actually needed',
      'what they really needed', 'what customers needed', 'what users needed', 'what they were trying to',
      'job to be done', 'jobs to be done', 'their problem', 'their day', 'their side', 'from their side',
      'from their point of view', 'in their shoes', 'user journey', 'customer journey', 'use case',
      'use cases', 'customer need', 'customer needs', 'on their behalf', 'for the customer',
      'the customer experience', 'customer experience', 'user experience', 'struggling with', 'struggled to',
      'frustrated', 'frustration', 'confused by', 'dropped off', 'drop-off', 'gave up on', 'churned because',
      'manually copying',
    ],
  },
  'customer-first-tradeoff': {
    label: 'putting the customer before the team’s convenience',
    phrases: [
      'reprioritised', 'reprioritized', 'reprioritise', 'reprioritize', 'changed the plan',
      'changed our plan', 'changed the roadmap', 'moved the launch', 'delayed the launch', 'delayed our',
      'postponed', 'paused', 'pushed back the', 'pushed our', 'moved … down the backlog', 'put … on hold',
      'shelved', 'dropped our', 'gave up', 'extra work', 'extra weeks', 'harder for us',
      'harder for the team', 'more work for us', 'at a cost to', 'even though it meant',
      'even though it cost', 'instead of the feature', 'instead of our', 'customer came first',
      'customers came first', 'put the customer first', 'the right thing for', 'argued for the customer',
    ],
  },
  'customer-outcome-metric': {
    label: 'what changed for customers',
    phrases: [
      'churn', 'churned', 'retention', 'retained', 'renewed', 'renewal', 'renewals', 'satisfaction', 'NPS',
      'CSAT', 'customer satisfaction', 'fewer support tickets', 'support tickets', 'ticket volume',
      'tickets dropped', 'tickets fell', 'complaints', 'fewer complaints', 'adoption', 'adopted by',
      'conversion', 'conversion rate', 'sign-ups', 'signups', 'activation', 'completion rate', 'drop-off',
      'their time', 'saved them', 'saved customers', 'saved users', 'customers saved', 'per customer',
      'per user', 'app rating', 'star rating', 'thanked us', 'thank-you', 'upgraded', 'expanded the contract',
      'revenue', 'active users', 'daily active', 'customers used', 'users now',
    ],
  },

  // ── Delivery ──────────────────────────────────────────────────────────────────────────────
  'scope-cut': {
    label: 'cutting scope to fit the date',
    phrases: [
      'cut scope', 'cut the scope', 'scope cut', 'scoped down', 'scope down', 'descoped', 'de-scoped',
      'descope', 'cut the', 'cut … features', 'cut … feature', 'dropped the', 'dropped … feature', 'deferred',
      'defer', 'pushed … to phase two', 'phase two', 'phase 2', 'second release', 'next release', 'v2',
      'later release', 'moved … to a later', 'moved … to the next', 'parked', 'must-have', 'must-haves',
      'must have', 'nice-to-have', 'nice-to-haves', 'nice to have', 'MVP', 'minimum viable', 'bare minimum',
      'what not to build', 'what not to deliver', 'said no to', 'left out', 'stripped down',
      'smaller version', 'thinnest slice', 'thin slice', 'shipped later', 'followed later', 'the work we cut',
    ],
  },
  prioritisation: {
    label: 'focusing on what mattered most',
    phrases: [
      'prioritised', 'prioritized', 'prioritise', 'prioritize', 'prioritisation', 'prioritization',
      'priority list', 'top priority', 'highest priority', 'priorities', 'ranked', 'stack-ranked',
      'stack ranked', 'triaged', 'triage', 'focused on', 'focus on', 'what mattered most', 'mattered most',
      'most important', 'most critical', 'critical path', 'sequenced', 're-sequenced', 'resequenced',
      'reordered', 'in order of', 'impact versus effort', 'impact vs effort', 'effort versus impact',
      'MoSCoW', 'first things first', 'the 80%', 'biggest risk first', 'riskiest part first', 'ruthless',
    ],
  },
  unblocking: {
    label: 'clearing obstacles yourself',
    phrases: [
      'unblocked', 'unblock', 'unblocking', 'blocker', 'blockers', 'removed the blocker', 'cleared the',
      'escalated', 'escalate', 'workaround', 'work around', 'worked around', 'took over', 'stepped in',
      'filled in', 'picked up … work', 'reassigned', 'borrowed an engineer', 'pulled in', 'brought in',
      'chased', 'chased down', 'got access', 'got approval', 'got sign-off', 'stubbed', 'mocked out',
      'built an adapter', 'despite', 'got it moving', 'got things moving', 'got … moving again',
      'did it myself', 'wrote it myself', 'walked over to', 'sat with … until',
    ],
  },
  deadline: {
    label: 'a hard date',
    phrases: [
      'deadline', 'deadlines', 'due date', 'hard date', 'fixed date', 'launch date', 'go-live', 'go live',
      'cut-over date', 'cutover date', 'cut-off', 'cutoff', 'code freeze', 'by Friday', 'by Monday',
      'by the end of the quarter', 'end of the quarter', 'end of quarter', 'end of the month',
      'end of the year', 'before … launch', 'ahead of the launch', 'before Black Friday', 'Black Friday',
      'Cyber Monday', 'holiday peak', 'peak season', 'before the holidays', 'before Christmas',
      'before the conference', 'regulator', 'regulatory deadline', 'compliance deadline', 'contract date',
      'promised … by', 'committed date', 'could not move', 'immovable', 'weeks left', 'days left',
      'in time for', 'countdown', 'T-minus',
    ],
  },
  'progress-tracking': {
    label: 'tracking progress against the plan',
    phrases: [
      'tracked progress', 'burndown', 'burn-down', 'burnup', 'daily standup', 'daily stand-up', 'standup',
      'stand-up', 'daily check-in', 'check-in', 'checked in every', 'every morning', 'twice a day',
      'status update', 'status updates', 'weekly update', 'weekly updates', 'weekly status', 'weekly sync',
      'progress report', 'milestone', 'milestones', 'on track', 'off track', 'behind schedule', 'slipped',
      'slipping', 'slip', 'critical path', 'Gantt', 'tracker', 'Jira board', 'kanban', 'RAG status',
      'risks in red', 'checkpoint', 'checkpoints', 'watched the dashboards', 'watched the dashboard',
      'rollout to … %', 'percent complete', 'demoed every', 'weekly demo', 'adjusted the plan', 'replanned',
      're-planned', 'went off plan', 'off plan',
    ],
  },

  // ── Decisions ─────────────────────────────────────────────────────────────────────────────
  'options-considered': {
    label: 'the options on the table',
    phrases: [
      'options', 'two options', 'three options', 'the options', 'option A', 'option B', 'plan A', 'plan B',
      'alternatives', 'alternative', 'the alternative', 'two paths', 'two approaches', 'three approaches',
      'the choice between', 'choose between', 'chose between', 'choosing between', 'build versus buy',
      'build vs buy', 'build or buy', 'buy versus build', 'rewrite versus refactor', 'rewrite or refactor',
      'rewrite vs refactor', 'considered', 'looked at … options', 'evaluated', 'compared … options',
      'on the table', 'one option was', 'the other option', 'another option', 'the first option',
      'the second option', 'we could either', 'I could either', 'shortlist', 'shortlisted', 'vendors',
      'candidates were', 'rejected', 'ruled out',
    ],
  },
  'tradeoff-accepted': {
    label: 'the trade-off accepted',
    phrases: [
      'trade-off', 'tradeoff', 'trade-offs', 'tradeoffs', 'trade off', 'traded', 'gave up', 'giving up',
      'at the cost of', 'at the expense of', 'in exchange for', 'in return for', 'the downside', 'downside',
      'downsides', 'accepted the risk', 'accepted that', 'accepted a', 'we accepted', 'I accepted',
      'sacrifice', 'sacrificed', 'cost us', 'price of', 'the price was', 'knowingly', 'the catch',
      'meant losing', 'meant giving up', 'we lost', 'we would lose', 'less flexible', 'slower but',
      'cheaper but', 'simpler but', 'worse at', 'paid for it with', 'lived with', 'live with', 'not free',
    ],
  },
  'decision-criteria': {
    label: 'criteria the options were weighed on',
    phrases: [
      'criteria', 'criterion', 'weighed', 'weighing', 'weighted', 'pros and cons', 'scored', 'scoring',
      'scorecard', 'decision matrix', 'compared them on', 'compared on', 'cost, time', 'cost and risk',
      'time and risk', 'lock-in', 'vendor lock-in', 'total cost of ownership', 'TCO', 'estimate', 'estimated',
      'estimates', 'reversible', 'irreversible', 'one-way door', 'two-way door', 'risk', 'risks',
      'expected value', 'worst case', 'best case', 'back of the envelope', 'back-of-the-envelope',
      'non-negotiable', 'cost of waiting', 'cost of delay', 'waiting would cost',
    ],
  },
  'made-the-call': {
    label: 'a clear decision',
    phrases: [
      'decided', 'I decided', 'decision was', 'made the call', 'made the decision', 'made a call', 'my call',
      'went with', 'chose', 'choose', 'picked', 'opted for', 'settled on', 'committed to', 'recommended',
      'my recommendation', 'signed off', 'called it', 'pulled the trigger', 'final answer',
      'we would go with', 'we would do', 'the decision to', 'I chose to',
    ],
  },
  'explained-decision': {
    label: 'the decision explained to the people affected',
    phrases: [
      'explained', 'communicated', 'communicate', 'told the team', 'told … team', 'told them',
      'told stakeholders', 'told the stakeholders', 'announced', 'announcement', 'shared the reasoning',
      'shared my reasoning', 'the reasoning', 'walked them through', 'walked … through', 'met with',
      'all-hands', 'town hall', 'email to', 'sent an email', 'posted in', 'FAQ', 'Q&A', 'one-on-one with',
      'face to face', 'in person', 'answered questions', 'took questions', 'broke the news',
      'personally told',
    ],
  },
  'revisited-decision': {
    label: 'checking the decision afterwards',
    phrases: [
      'revisited', 'revisit', 'checked back', 'checked in on', 'checkpoint', 'review date',
      'reviewed the decision', 'looked back', 'looking back', 'kill criteria', 'exit criteria',
      'success criteria', 'tripwire', 'tracked whether', 'measured whether', 'three months later',
      'six months later', 'a year later', 'after a quarter', 'in hindsight', 'would I make',
      'would make it again', 'would decide differently', 'do differently', 'revisit the decision',
      'decision log', 'ADR',
    ],
  },

  // ── Going deep ────────────────────────────────────────────────────────────────────────────
  'raw-data': {
    label: 'working from the raw data',
    phrases: [
      'logs', 'log lines', 'log files', 'server logs', 'access logs', 'application logs', 'audit log',
      'the logs', 'grepped', 'grep', 'Splunk', 'Kibana', 'ELK', 'CloudWatch', 'traces', 'query plan',
      'queried', 'wrote a query', 'wrote queries', 'ran a query', 'SQL', 'raw data', 'raw events',
      'raw records', 'sample of', 'sampled', 'pulled … records', 'the database directly', 'packet capture',
      'tcpdump', 'Wireshark', 'core dump', 'stack trace', 'stack traces', 'metrics', 'dashboards',
      'time series', 'histogram', 'event data', 'clickstream', 'Jupyter', 'pandas', 'BigQuery', 'Athena',
      'data warehouse', 'correlated', 'timeline', 'problem statement', 'made it measurable',
      'quantified the problem',
    ],
  },
  'hypothesis-testing': {
    label: 'hypotheses tested and ruled out',
    phrases: [
      'hypothesis', 'hypotheses', 'theory', 'theories', 'suspected', 'suspicion', 'my first guess',
      'first guess', 'ruled out', 'rule out', 'ruling out', 'eliminated', 'excluded', 'disproved', 'disprove',
      'dead end', 'dead ends', 'narrowed', 'narrowed it down', 'narrowed down', 'bisected', 'git bisect',
      'bisect', 'binary search', 'isolated', 'isolate', 'one variable at a time', 'one by one',
      'one at a time', 'reproduced', 'reproduce', 'that ruled', 'which meant it', 'so it had to be',
      'only happened when', 'everyone thought', 'everyone assumed', 'the first explanation', 'contradicted',
    ],
  },
  'root-cause': {
    label: 'the root cause',
    phrases: [
      'root cause', 'root-caused', 'root causes', 'RCA', 'underlying cause', 'real cause', 'actual cause',
      'true cause', 'the cause was', 'caused by', 'the reason was', 'the real reason', 'the real problem',
      'the real issue', 'five whys', '5 whys', 'traced it to', 'traced it back to', 'traced … to',
      'turned out to be', 'turned out that', 'it turned out', 'came down to', 'boiled down to', 'the culprit',
      'the source of', 'fixed the cause', 'why it happened', 'rather than the symptom',
    ],
  },
  'below-the-surface': {
    label: 'going below where others stopped',
    phrases: [
      'line by line', 'read the source', 'read the code', 'source code', 'stepped through', 'debugger',
      'by hand', 'manually checked', 'checked manually', 'hand-checked', 'record by record', 'row by row',
      'one by one', 'every single', 'each record', 'per request', 'per customer', 'per query', 'per host',
      'one level down', 'a level deeper', 'a layer deeper', 'layer by layer', 'went deeper', 'dug deeper',
      'dug into', 'dig into', 'kept digging', 'all the way down', 'under the hood', 'internals',
      'the library code', 'the kernel', 'decompiled', 'disassembled', 'byte by byte', 'others had given up',
      'everyone had stopped', 'nobody had looked',
    ],
  },
  'cause-proven': {
    label: 'proof of the cause',
    phrases: [
      'confirmed', 'proved', 'proven', 'proof', 'verified', 'validated', 'reconciled', 'the numbers matched',
      'matched', 'the symptom disappeared', 'disappeared', 'went away', 'stopped happening',
      'dropped to zero', 'reproduced the fix', 'could reproduce it', 'reproduced it on demand',
      'reproduced … on demand', 'deterministic repro', 'failing test', 'a test that failed', 'the fix made',
      'after the fix', 'never recurred', 'root cause confirmed', 'exactly matched', 'added up',
    ],
  },

  // ── Trust, conflict and backbone ──────────────────────────────────────────────────────────
  'admitted-mistake': {
    label: 'admitting your own part in a mistake',
    phrases: [
      'my mistake', 'my fault', 'my error', 'my bad', 'my own part', 'I was wrong', 'I had been wrong',
      'I got it wrong', 'I made a mistake', 'I made an error', 'I messed up', 'I screwed up', 'I broke',
      'I caused', 'I had caused', 'caused by my', 'because of my', 'I had skipped', 'I skipped',
      'I had missed', 'I missed', 'I overlooked', 'I forgot', 'I underestimated', 'I overestimated',
      'I assumed', 'I should have', 'I was responsible', 'took responsibility', 'take responsibility',
      'took full responsibility', 'owned up', 'owned it', 'I owned the mistake', 'admitted', 'admit',
      'apologised', 'apologized', 'apologise', 'apologize', 'said sorry', 'I was the one who',
      'the change was mine', 'my change', 'my deploy', 'my migration', 'my code', 'no excuses',
    ],
  },
  listening: {
    label: 'listening before arguing',
    phrases: [
      'listened', 'listen', 'listening', 'heard them out', 'heard him out', 'heard her out', 'hear them out',
      'let them finish', 'let him finish', 'let her finish', 'sat down with', 'asked what', 'asked them what',
      'asked him what', 'asked her what', 'asked why', 'their concerns', 'his concerns', 'her concerns',
      'their worries', 'what worried', 'what was worrying', 'understand their', 'understood their',
      'repeated back', 'played back', 'summarised their', 'summarized their', 'coffee with',
    ],
  },
  'other-perspective': {
    label: 'understanding the other side’s position',
    phrases: [
      'their perspective', 'his perspective', 'her perspective', 'their point of view', 'his point of view',
      'her point of view', 'point of view', 'their view', 'his view', 'her view', 'their side', 'his side',
      'her side', 'their position', 'his position', 'her position', 'their reasons', 'his reasons',
      'her reasons', 'their reasoning', 'his reasoning', 'her reasoning', 'their concern', 'his concern',
      'her concern', 'where they were coming from', 'where he was coming from', 'where she was coming from',
      'understood why', 'understand why', 'made sense from', 'from their side', 'in their shoes',
      'their incentives', 'what they were optimising for', 'what they were optimizing for',
      'what he was optimizing', 'what she was optimizing', 'a fair point', 'a valid point',
      'they had a point', 'he had a point', 'she had a point', 'was right about', 'empathy', 'empathise',
      'empathize',
    ],
  },
  candour: {
    label: 'telling the truth early and plainly',
    phrases: [
      'told them', 'told him', 'told her', 'told the customer', 'told my manager', 'told the client',
      'candid', 'candidly', 'candour', 'candor', 'honest', 'transparent', 'transparency', 'plainly',
      'directly', 'openly', 'upfront', 'up front', 'bad news', 'shared the bad news', 'delivered the news',
      'broke the news', 'the full picture', 'whole picture', 'flagged early', 'flagged it early',
      'flagged the risk', 'raised it early', 'as soon as I knew', 'the same day I', 'rather than hide',
      'the truth', 'admitted', 'we would miss', 'we were going to miss', 'would slip', 'offered options',
      'came with a plan', 'recovery plan', 'proposed a new date', 'with a plan',
    ],
  },
  'trust-earned': {
    label: 'signs of trust',
    phrases: [
      'trust', 'trusted', 'trusts', 'trusting', 'relied on', 'rely on', 'relies on', 'came to me',
      'come to me', 'comes to me', 'came to me first', 'asked me first', 'asked for me',
      'asked for me by name', 'invited me', 'invites me', 'pulled me in', 'confidence', 'credibility',
      'renewed', 'renewed the', 'signed again', 'extended the contract', 'vouched', 'go-to', 'go-to person',
      'my estimates', 'took my word', 'the relationship', 'our relationship', 'relationship improved',
      'relationship held', 'partnership', 'still work together',
    ],
  },
  'common-ground': {
    label: 'finding the goal both sides shared',
    phrases: [
      'common ground', 'shared goal', 'common goal', 'same goal', 'both wanted', 'we both wanted',
      'we both cared', 'both cared', 'both of us wanted', 'what we agreed on', 'agreed criteria',
      'agreed on criteria', 'agreed on the criteria', 'agreed on what', 'middle ground', 'halfway',
      'met halfway', 'meet halfway', 'on the same side', 'the same side', 'same page', 'reframed', 'reframe',
      'the real goal', 'what we both', 'what both teams', 'shared interest', 'both agreed',
      'the customer outcome we', 'what success looked like', 'success criteria',
    ],
  },
  'resolution-agreed': {
    label: 'a resolution both sides accepted',
    phrases: [
      'agreed', 'we agreed', 'they agreed', 'both agreed', 'resolved', 'settled', 'compromise', 'compromised',
      'met halfway', 'meet in the middle', 'middle ground', 'went with', 'decided together',
      'jointly decided', 'accepted', 'signed off', 'aligned', 'alignment', 'consensus', 'we landed on',
      'landed on', 'agreement', 'both sides', 'shook hands', 'called a truce', 'way forward', 'conceded',
      'came round', 'came around',
    ],
  },
  'lasting-relationship': {
    label: 'a working relationship that lasted',
    phrases: [
      'working relationship', 'relationship', 'still work together', 'still working together',
      'worked together', 'collaborated', 'ever since', 'next project', 'the next project', 'came back to us',
      'asked us', 'asked for us', 'go-to', 'friends', 'trust', 'trusted', 'respect', 'mutual respect',
      'respected', 'kept using', 'still use', 'still uses', 'still meet', 'regular sync', 'partnership',
      'a good partner', 'on good terms', 'got along',
    ],
  },
  'voiced-disagreement': {
    label: 'voicing the disagreement',
    phrases: [
      'disagreed', 'disagree', 'disagreement', 'pushed back', 'push back', 'pushback', 'challenged',
      'objected', 'objection', 'raised my concerns', 'raised concerns', 'raised a concern',
      'raised my concern', 'spoke up', 'speak up', 'argued', 'argued for', 'argued against', 'made the case',
      'made my case', 'voiced', 'questioned', 'said no', 'told … I disagreed', 'told … it was wrong',
      'I was against', 'against the decision', 'against the plan', 'stood my ground', 'held my ground',
      'only person', 'lone voice', 'went against', 'dissent', 'dissented', 'changed their minds',
      'changed minds', 'changed his mind', 'changed her mind',
    ],
  },
  'respectful-dissent': {
    label: 'respect for the other side',
    phrases: [
      'privately', 'in private', 'one-on-one', '1:1', 'in person', 'face to face', 'respectfully',
      'respectful', 'with respect', 'calmly', 'before the meeting', 'after the meeting', 'their reasons',
      'their view', 'understood why', 'asked why', 'listened', 'assumed good intent', 'good intent',
      'kept it professional', 'gave credit', 'acknowledged', 'to the right person', 'went to him directly',
      'went to her directly', 'directly to', 'rather than going around', 'instead of going over',
      'in writing',
    ],
  },
  'disagree-and-commit': {
    label: 'committing once decided',
    phrases: [
      'committed', 'committed fully', 'fully committed', 'disagree and commit', 'backed the decision',
      'backed it', 'supported the decision', 'supported it', 'fully behind', 'got behind', 'went with it',
      'put my concerns aside', 'set aside my', 'put aside my', 'made it work', 'make it work',
      'did my best to make', 'gave it my full', 'full effort', 'in front of the team',
      'defended the decision', 'told the team we', 'helped it succeed', 'made it succeed',
      'once it was decided', 'once the decision was made', 'once the decision', 'the decision was final',
      'it went against me', 'I lost the argument', 'I was persuaded', 'they persuaded me',
      'they convinced me', 'she convinced me', 'he convinced me',
    ],
  },

  // ── Developing people ─────────────────────────────────────────────────────────────────────
  coaching: {
    label: 'hands-on coaching',
    phrases: [
      'mentored', 'mentoring', 'mentor', 'coached', 'coaching', 'coach', 'paired', 'pairing',
      'pair programming', 'pair-programmed', 'paired with', 'pairing sessions', 'one-on-one', 'one-on-ones',
      '1:1', '1:1s', 'weekly sessions', 'weekly session', 'every week we', 'twice a week',
      'walked her through', 'walked him through', 'walked them through', 'showed her how', 'showed him how',
      'showed them how', 'taught her', 'taught him', 'taught them', 'explained how', 'shadowed',
      'let her shadow', 'let him shadow', 'code reviews', 'reviewed her', 'reviewed his', 'reviewed their',
      'learning plan', 'growth plan', 'development plan', 'study plan', 'reading list', 'onboarding plan',
      'office hours', 'changed my approach', 'adapted to', 'adjusted how I', 'the way she learns',
      'the way he learns',
    ],
  },
  'feedback-given': {
    label: 'specific feedback',
    phrases: [
      'feedback', 'gave feedback', 'gave her feedback', 'gave him feedback', 'gave them feedback',
      'specific feedback', 'concrete feedback', 'honest feedback', 'difficult feedback', 'hard feedback',
      'critical feedback', 'written feedback', 'written notes', 'specific examples', 'examples',
      'three examples', 'concrete examples', 'told her that', 'told him that', 'I told her', 'I told him',
      'praised', 'praise', 'called out', 'asked questions', 'asked her what', 'asked him what', 'reflect',
      'reflected', 'SBI', 'situation behaviour impact', 'situation-behavior-impact', 'review comments',
      'how she reacted', 'how he reacted', 'she reacted', 'he reacted', 'followed up with her',
      'followed up with him', 'followed up with them',
    ],
  },
  'stretch-delegation': {
    label: 'stretch work delegated, with room to own it',
    phrases: [
      'stretch', 'stretch assignment', 'stretch project', 'stretch role', 'delegated', 'delegate',
      'handed her', 'handed him', 'handed them', 'handed over', 'gave her', 'gave him', 'gave them the',
      'let her lead', 'let him lead', 'let them lead', 'let her own', 'let him own', 'let them own',
      'let her decide', 'let him decide', 'let them decide', 'her own decisions', 'his own decisions',
      'their own decisions', 'stepped back', 'step back', 'took a step back', 'hands off', 'hands-off',
      'resisted the urge', 'put forward', 'put her forward', 'put him forward', 'sponsored', 'nominated',
      'recommended her', 'recommended him', 'vouched for', 'ownership of', 'first time leading', 'backed her',
      'backed him',
    ],
  },
  'hiring-bar': {
    label: 'hiring with a high bar',
    phrases: [
      'hiring bar', 'raised the bar', 'held the bar', 'lower the bar', 'lowering the bar', 'interviewed',
      'interviewing', 'interview loop', 'interview panel', 'interview process', 'interviewers', 'debrief',
      'debriefs', 'hiring committee', 'rubric', 'scorecard', 'scorecards', 'structured interview',
      'work sample', 'take-home', 'take home', 'pairing exercise', 'coding exercise',
      'system design interview', 'candidates', 'candidate', 'hiring manager', 'recruiter', 'headcount',
      'open role', 'no hire', 'no-hire', 'strong hire', 'hired', 'hiring', 'calibration', 'calibrated',
      'bar raiser', 'reference check', 'leveling', 'levelling',
    ],
  },
  'promotion-growth': {
    label: 'a step up in role or scope',
    phrases: [
      'promoted', 'promotion', 'got promoted', 'was promoted', 'tech lead', 'team lead', 'staff engineer',
      'next level', 'now leads', 'now led', 'now owns', 'now runs', 'went on to lead', 'went on to own',
      'led the', 'owned the', 'took over', 'took ownership', 'on-call', 'joined the on-call', 'first on-call',
      'first on-call shift', 'first production change', 'first release', 'bigger scope', 'larger scope',
      'more scope', 'new role', 'became the', 'is now the', 'now the go-to', 'the go-to person', 'expert on',
      'presented at', 'gave a talk', 'promoted to senior', 'promoted to',
    ],
  },
  'independent-work': {
    label: 'working on their own',
    phrases: [
      'on her own', 'on his own', 'on their own', 'by herself', 'by himself', 'by themselves',
      'independently', 'independent', 'without my help', 'without help', 'no longer needed',
      'no longer asked', 'stopped asking', 'self-sufficient', 'autonomously', 'unaided', 'herself', 'himself',
      'solo', 'her own design', 'his own design', 'their own design', 'she now', 'he now', 'they now',
      'she shipped', 'he shipped', 'she led', 'he led', 'she owned', 'he owned', 'she wrote', 'he wrote',
      'she ran', 'he ran',
    ],
  },
  'passing-it-on': {
    label: 'passing it on to others',
    phrases: [
      'mentoring', 'now mentors', 'mentors', 'mentored', 'mentoring others', 'mentoring the', 'onboarded',
      'onboards', 'onboarding the', 'taught', 'teaches', 'teaching', 'coached', 'coaches', 'ran the session',
      'runs the session', 'ran a session', 'gave a talk', 'brown bag', 'code reviewer', 'helps new',
      'helped the new', 'new hires', 'new joiners', 'the next junior', 'the next hire', 'passed it on',
      'paid it forward', 'wrote the guide', 'wrote a guide', 'interviewer', 'now interviews',
      'onboarding doc', 'onboarding checklist', 'onboarding guide', 'changed the onboarding',
      'updated the onboarding',
    ],
  },

  // ── Quality ───────────────────────────────────────────────────────────────────────────────
  'quality-bar': {
    label: 'refusing to accept low quality',
    phrases: [
      'refused', 'refuse', 'held back', 'held the release', 'blocked the release', 'stopped the release',
      'pulled the release', 'delayed the release', 'would not ship', 'no-go', 'not good enough',
      'good enough was not', 'quality bar', 'raised the bar', 'high bar', 'standard', 'standards',
      'higher standard', 'sent it back', 'sent back', 'requested changes', 'rejected the',
      'would not sign off', 'went back and', 'redid', 'rewrote it', 'polished', 'extra day', 'extra week',
      'took the extra', 'below the bar', 'unacceptable', 'insisted', 'insist', 'held firm', 'zero tolerance',
      'fix it properly', 'ship anyway', 'wanted to ship', 'pressure to ship', 'others missed',
      'nobody else noticed',
    ],
  },
  'process-mechanism': {
    label: 'a lasting process others follow',
    phrases: [
      'checklist', 'checklists', 'template', 'templates', 'PR template', 'pull request template',
      'definition of done', 'review guideline', 'review guidelines', 'guidelines', 'style guide', 'standard',
      'process', 'new process', 'added a step', 'review step', 'sign-off step', 'second reviewer',
      'two approvals', 'required review', 'launch review', 'readiness review', 'production readiness',
      'release checklist', 'pre-launch checklist', 'postmortem', 'post-mortem', 'the team adopted',
      'team adopted', 'other teams adopted', 'became the standard', 'became the default',
      'made it the default', 'written policy', 'policy', 'working agreement', 'documented', 'wiki page',
      'onboarding doc', 'engineering handbook',
    ],
  },
  'quality-metric': {
    label: 'a quality measure',
    phrases: [
      'defects', 'defect rate', 'bugs', 'bug count', 'bug reports', 'escaped bugs', 'escaped defects',
      'escaped', 'incidents', 'incident count', 'sev1', 'sev-1', 'sev2', 'P1', 'P0', 'error rate', '5xx',
      '500s', 'crash rate', 'crashes', 'crash-free', 'regressions', 'rollbacks', 'hotfixes', 'test coverage',
      'coverage', 'flaky tests', 'flake rate', 'failure rate', 'change failure rate', 'uptime',
      'availability', 'nines', 'reopened', 'customer-reported', 'support escalations', 'zero defects',
      'zero bugs', 'no incidents', 'zero incidents', 'clean release', 'first-time pass',
    ],
  },

  // ── Invention and simplicity ──────────────────────────────────────────────────────────────
  'new-approach': {
    label: 'a new idea or approach',
    phrases: [
      'new approach', 'different approach', 'another approach', 'unusual approach', 'novel', 'invented',
      'invent', 'came up with', 'had an idea', 'the idea', 'my idea', 'idea was', 'an idea', 'redesigned',
      'reimagined', 'rethought', 'rethink', 'rather than the usual', 'instead of the usual', 'unconventional',
      'nobody had tried', 'first time anyone', 'what if we', 'flipped', 'turned it around', 'inspired by',
      'borrowed the idea', 'clever', 'creative', 'conventional option', 'conventional wisdom',
      'the obvious answer', 'the standard answer',
    ],
  },
  prototype: {
    label: 'a prototype or proof of concept',
    phrases: [
      'prototype', 'prototyped', 'prototyping', 'proof of concept', 'proof-of-concept', 'POC', 'spike',
      'spiked', 'mock-up', 'mockup', 'throwaway', 'hacked together', 'hacked up', 'quick hack', 'hack week',
      'hackathon', 'weekend project', 'demo', 'demoed', 'working demo', 'quick version', 'rough version',
      'minimal version', 'small version', 'MVP', 'toy version', 'built a small',
    ],
  },
  simplification: {
    label: 'removing complexity',
    phrases: [
      'simplified', 'simplify', 'simplification', 'simpler', 'removed', 'deleted', 'deleted … lines',
      'consolidated', 'merged', 'collapsed', 'eliminated', 'got rid of', 'replaced', 'retired',
      'decommissioned', 'deprecated', 'sunset', 'ripped out', 'fewer', 'streamlined', 'single', 'one step',
      'one service', 'one command', 'one click', 'single source of truth', 'unified', 'folded … into',
      'automated away', 'removed the need', 'hand-offs', 'handoffs', 'manual steps', 'less code',
      'moving parts', 'boilerplate', 'glue code',
    ],
  },
  'less-to-maintain': {
    label: 'less to run or maintain afterwards',
    phrases: [
      'fewer', 'fewer steps', 'fewer services', 'fewer moving parts', 'fewer lines', 'less code',
      'lines of code', 'lines removed', 'removed', 'deleted', 'down to', 'from … to … steps', 'from … steps',
      'from … services', 'simpler', 'steps', 'one service', 'one step', 'single service', 'moving parts',
      'retired', 'decommissioned', 'less to maintain', 'nothing to maintain', 'less to run',
      'onboarding time', 'onboarding took', 'shorter onboarding', 'hand-offs', 'handoffs', 'manual steps',
    ],
  },
  'reuse-existing': {
    label: 'reusing what exists instead of building or buying',
    phrases: [
      'reused', 'reuse', 'reusing', 'repurposed', 'repurpose', 'existing', 'already had', 'already existed',
      'already paid for', 'open source', 'open-source', 'OSS', 'off the shelf', 'off-the-shelf',
      'existing tool', 'existing service', 'existing library', 'built-in', 'builtin', 'standard library',
      'borrowed', 'borrow', 'another team', 'another team’s', 'adapted', 'forked', 'instead of building',
      'rather than building', 'instead of buying', 'rather than buying', 'free tier', 'spare', 'leftover',
      'hand-me-down', 'native feature',
    ],
  },

  // ── Leading under pressure ────────────────────────────────────────────────────────────────
  'clear-owners': {
    label: 'clear owners for each part',
    phrases: [
      'assigned', 'assigned each', 'assigned owners', 'an owner for', 'owner for', 'owners for', 'owners',
      'clear owner', 'clear owners', 'single owner', 'one owner', 'each person owned', 'each engineer owned',
      'each team owned', 'each workstream', 'workstream', 'workstreams', 'split the work',
      'split up the work', 'divided the work', 'broke the work into', 'broke it into', 'carved out', 'RACI',
      'DRI', 'directly responsible', 'incident commander', 'incident lead', 'comms lead', 'scribe',
      'war room', 'incident channel', 'bridge call', 'took the role', 'I ran the incident',
      'ran the war room', 'delegated', 'handed each', 'gave each', 'swimlanes', 'swim lanes', 'redistributed',
      'rebalanced the work', 'reassigned', 'spread the work',
    ],
  },
  'stakeholder-updates': {
    label: 'honest updates to stakeholders',
    phrases: [
      'stakeholders', 'stakeholder', 'kept … informed', 'kept them informed', 'kept leadership informed',
      'informed', 'status update', 'status updates', 'status page', 'updates every', 'update every',
      'every 30 minutes', 'every hour', 'hourly updates', 'weekly update', 'weekly email', 'told the',
      'told leadership', 'told my director', 'told the VP', 'customers were told', 'set expectations',
      'reset expectations', 'managed expectations', 'expectations', 'escalated', 'flagged the risk',
      'flagged early', 'raised the risk', 'risks in red', 'early warning', 'heads-up', 'heads up',
      'leadership', 'exec update', 'executive summary', 'briefed', 'the new date', 'a revised date',
      'revised plan',
    ],
  },
  'team-wellbeing': {
    label: 'protecting people from burnout',
    phrases: [
      'burnout', 'burn out', 'burned out', 'burnt out', 'burning out', 'overtime', 'long hours',
      'late nights', 'weekends', 'weekend work', 'worked weekends', 'rested', 'sent home', 'sent … home',
      'go home', 'time off', 'day off', 'days off', 'comp time', 'took leave', 'sustainable',
      'sustainable pace', 'exhausted', 'fatigue', 'overloaded', 'overload', 'workload', 'shifts', 'in shifts',
      'rotation', 'rotated', 'swapped in', 'handover', 'hand-over', 'no heroics', 'wellbeing', 'well-being',
      'mental health', 'stress', 'stressed', 'protected the team', 'shielded the team', 'protect the team',
    ],
  },
  'on-call-load': {
    label: 'on-call load and out-of-hours pages',
    phrases: [
      'on-call', 'on call', 'pager', 'out of hours', 'out-of-hours', 'after hours', 'night pages', 'woken up',
      'alert fatigue', 'noisy alerts', 'false alarms', 'pages per week', 'pages a week', 'alerts per week',
      'rota', 'on-call rota', 'on-call rotation', 'rotation', 'follow-the-sun', 'follow the sun',
      'secondary on-call', 'toil', 'interrupt duty', 'support duty', 'ticket load', 'overtime',
    ],
  },
  'delivered-on-date': {
    label: 'the date met',
    phrases: [
      'on time', 'on schedule', 'on the date', 'on the deadline', 'met the deadline', 'hit the deadline',
      'made the deadline', 'hit the date', 'made the date', 'met the date', 'launch date',
      'ahead of schedule', 'ahead of the deadline', 'days early', 'a week early', 'went live', 'went live on',
      'shipped on', 'launched on', 'released on', 'delivered on', 'in time for', 'before the deadline',
      'before the cut-off', 'on the first day', 'as promised', 'as planned', 'shipped … days early',
      'cut over on', 'migrated by', 'by the deadline',
    ],
  },
  'service-restored': {
    label: 'how fast service was restored',
    phrases: [
      'restored', 'restore', 'recovered', 'recovery', 'back up', 'back online', 'service was back',
      'mitigated', 'mitigation', 'resolved within', 'fixed within', 'within … minutes', 'minutes of downtime',
      'hours of downtime', 'time to recover', 'time to restore', 'time to mitigate', 'MTTR',
      'mean time to recovery', 'outage lasted', 'down for', 'error rate returned', 'back to normal',
      'green again', 'all clear', 'stabilised', 'stabilized', 'stable again',
    ],
  },
  'follow-up-later': {
    label: 'what followed afterwards',
    phrases: [
      'follow-up', 'follow-ups', 'follow up', 'followed up', 'followed later', 'followed in', 'next release',
      'next sprint', 'following release', 'weeks later', 'a month later', 'two weeks later', 'afterwards',
      'after the launch', 'after launch', 'remaining scope', 'remaining features', 'the rest shipped',
      'the cut features', 'deferred features', 'the deferred', 'shipped later', 'landed later', 'phase two',
      'postmortem', 'post-mortem', 'action items', 'retro', 'retrospective', 'lessons learned',
    ],
  },
  postmortem: {
    label: 'a postmortem or written review',
    phrases: [
      'postmortem', 'post-mortem', 'post mortem', 'postmortems', 'incident review', 'incident report',
      'blameless', 'blameless review', 'retro', 'retrospective', 'lessons learned', 'lessons-learned', 'RCA',
      'root cause analysis', 'COE', 'correction of error', 'after-action review', 'wrote up', 'write-up',
      'writeup', 'action items', 'five whys', 'postmortem review', 'incident doc', 'shared the lesson',
      'shared the lessons',
    ],
  },

  // ── Learning ──────────────────────────────────────────────────────────────────────────────
  'self-study': {
    label: 'studying on your own',
    phrases: [
      'taught myself', 'teach myself', 'self-taught', 'read the docs', 'read the documentation',
      'documentation', 'the docs', 'read the source', 'source code', 'read the paper', 'paper', 'papers',
      'whitepaper', 'the RFC', 'book', 'books', 'course', 'online course', 'Coursera', 'Udemy', 'tutorial',
      'tutorials', 'studied', 'study', 'in the evenings', 'on weekends', 'on my own time', 'side project',
      'toy project', 'experimented', 'played with', 'tinkered', 'built a toy', 'worked through', 'podcast',
      'conference talk', 'watched talks', 'certification', 'flashcards', 'crash course', 'new language',
      'new domain', 'new to me', 'had never used',
    ],
  },
  curiosity: {
    label: 'asking questions about what did not make sense',
    phrases: [
      'curious', 'curiosity', 'wondered', 'wonder', 'wanted to understand', 'wanted to know', 'asked why',
      'asked myself why', 'asked around', 'asked experts', 'asked an expert', 'asked someone who', 'dug into',
      'dig into', 'digging into', 'looked into', 'investigated', 'explored', 'exploring', 'oddity', 'strange',
      'weird', 'puzzled', 'puzzling', 'surprising', 'caught my eye', 'rabbit hole', 'others ignored',
      'everyone ignored',
    ],
  },
  'applied-learning': {
    label: 'putting the learning to use',
    phrases: [
      'applied', 'apply', 'applied it', 'put it to use', 'put it into practice', 'put into practice',
      'used it to', 'used that to', 'used what I learned', 'used what I learnt', 'applied what I learned',
      'applied what I learnt', 'prototype', 'proof of concept', 'the first feature', 'first PR',
      'first pull request', 'changed how I', 'changed the way I', 'still use', 'I still use', 'now use',
      'within a week I', 'within two weeks',
    ],
  },
  'knowledge-sharing': {
    label: 'sharing what was learned',
    phrases: [
      'shared it', 'shared what', 'wrote up', 'write-up', 'writeup', 'wrote a doc', 'wrote a blog',
      'blog post', 'internal blog', 'wiki', 'wiki page', 'documented', 'presented', 'presentation',
      'gave a talk', 'talk at', 'brown bag', 'lunch and learn', 'lunch-and-learn', 'tech talk', 'demo day',
      'ran a session', 'ran a workshop', 'workshop', 'taught', 'taught the team', 'guild', 'chapter meeting',
      'engineering all-hands', 'newsletter', 'Slack post', 'knowledge base', 'recorded a video', 'screencast',
      'postmortem review',
    ],
  },
  'damage-control': {
    label: 'limiting the damage',
    phrases: [
      'rolled back', 'roll back', 'rollback', 'reverted', 'revert', 'hotfix', 'hot fix', 'hotfixed',
      'patched', 'contained', 'contain', 'stopped the bleeding', 'mitigated', 'mitigate',
      'limited the damage', 'limit the damage', 'damage control', 'disabled', 'turned off', 'switched off',
      'flag off', 'failed over', 'restored', 'restored from backup', 'backfilled', 'replayed', 'reprocessed',
      'corrected the data', 'notified', 'told my manager', 'told the team', 'told the on-call', 'informed',
      'opened an incident', 'declared an incident', 'status page', 'emailed the affected', 'refunded',
      'credited', 'called the customer',
    ],
  },
  'changed-habit': {
    label: 'a change in how you work',
    phrases: [
      'since then', 'ever since', 'from then on', 'from that day', 'since that day', 'now I', 'I now',
      'nowadays', 'these days', 'every time I', 'I always', 'habit', 'new habit', 'I started',
      'I changed how', 'changed how I', 'changed the way I', 'my own checklist', 'checklist', 'I make sure',
      'make sure I', 'before every', 'going forward', 'my rule', 'rule of thumb', 'first thing I do',
      'I do differently', 'do differently', 'differently now', 'the habit stuck', 'the change stuck',
      'I still do', 'still do it',
    ],
  },
  'no-recurrence': {
    label: 'it has not come back',
    phrases: [
      'has not happened again', "hasn't happened again", 'not happened again', 'never happened again',
      'never happened since', 'has not recurred', "hasn't recurred", 'never recurred', 'did not recur',
      'not recurred', 'no recurrence', 'no repeat', 'no repeats', 'not come back', 'never came back',
      'not seen it since', 'not seen it again', 'never seen again', 'zero incidents', 'zero repeats',
      'no incidents since', 'no incidents of', 'no further incidents', 'zero since', 'caught', 'caught two',
      'has caught', 'caught … before', 'prevented', 'prevents', 'blocked … since', 'stopped … since',
      'still green', 'still holding', 'has held', 'held since',
    ],
  },

  // ── Ownership ─────────────────────────────────────────────────────────────────────────────
  'took-initiative': {
    label: 'taking it on without being asked',
    phrases: [
      'took ownership', 'take ownership', 'taking ownership', 'took … ownership', 'took it on',
      'took this on', 'take it on', 'picked it up', 'picked this up', 'volunteered', 'volunteer',
      'stepped up', 'step up', 'stepped in', 'on my own initiative', 'my own initiative', 'own initiative',
      'nobody asked me', 'no one asked me', 'without being asked', 'unasked', 'outside my team',
      'outside my area', 'outside my role', 'outside my remit', 'decided it was mine', 'it was mine to',
      'made it mine', 'my problem', 'my responsibility', 'I decided to fix', 'decided to fix it',
      'decided to own', 'decided to take', 'offered to', 'I offered', 'took responsibility', 'put my hand up',
      'raised my hand', 'instead of waiting for', 'rather than wait for', 'did it myself', 'on the side',
      'in my spare time', 'twenty percent time',
    ],
  },
  'orphaned-problem': {
    label: 'a problem with no owner',
    phrases: [
      'nobody owned', 'no one owned', 'nobody was responsible', 'no one was responsible', 'no owner',
      'no clear owner', 'had no owner', 'without an owner', 'unowned', 'orphaned', 'orphan', 'fell between',
      'between teams', 'fell through the cracks', 'through the cracks', 'nobody looked after',
      'no one looked after', 'nobody maintained', 'unmaintained', 'abandoned', 'neglected', 'neglect',
      'reorganised away', 'reorganized away', 'the owner left', 'original author left',
      "someone else's problem", "nobody's job", 'officially owned', 'owned the area', 'the owning team',
      'worked with the owning team', 'with the owners', 'rather than around them',
      'worked with them rather than',
    ],
  },
  'follow-through': {
    label: 'following through to the end',
    phrases: [
      'followed through', 'follow through', 'follow-through', 'saw it through', 'see it through',
      'seen it through', 'to the end', 'until the end', 'end to end', 'end-to-end', 'until it was fixed',
      'until it was done', 'until the numbers held', 'until … held', 'closed the loop', 'close the loop',
      'followed up', 'follow up', 'kept checking', 'kept following up', 'checked every week', 'checked back',
      'stayed on it', 'stuck with it', 'finished it', 'rather than just flagging', 'beyond raising',
      'kept at it', 'for the next', 'for two months', 'for the next month', 'every week until', 'verified it',
    ],
  },
  handover: {
    label: 'handing it over well',
    phrases: [
      'handed over', 'hand over', 'handover', 'hand-over', 'handed off', 'hand-off', 'handoff',
      'transitioned', 'transition plan', 'knowledge transfer', 'runbook', 'runbooks', 'playbook',
      'documented', 'documentation', 'wrote docs', 'wrote the docs', 'README', 'wiki page', 'onboarded the',
      'trained the team', 'walked the new owner', 'new owner', 'named owner', 'found an owner',
      'found a home', 'gave it a home', 'on-call rota', 'on-call rotation', 'rota', 'owners file',
      'CODEOWNERS', 'ownership file', 'service catalog', 'service catalogue',
    ],
  },
  'company-wide': {
    label: 'reach across the company',
    phrases: [
      'every team', 'all teams', 'all the teams', 'other teams', 'teams across', 'across the company',
      'across the org', 'across the organisation', 'across the organization', 'across teams', 'cross-team',
      'whole company', 'entire company', 'company-wide', 'companywide', 'org-wide', 'organisation-wide',
      'organization-wide', 'engineering-wide', 'whole org', 'whole organisation', 'whole organization',
      'for everyone', 'everyone in engineering', 'all engineers', 'every engineer', 'every service',
      'all services', 'every product', 'all products', 'all regions', 'every region', 'every market',
      'beyond my team', 'beyond our team', 'outside my team',
    ],
  },
  'downstream-impact': {
    label: 'effects on others downstream',
    phrases: [
      'downstream', 'upstream', 'consumers', 'consuming teams', 'other teams', 'depended on', 'depend on',
      'dependent teams', 'relied on it', 'blast radius', 'affected … teams', 'teams affected', 'for everyone',
      'the next person', 'the next engineer', 'future engineers', 'future teams', 'whoever came next',
      'the people after',
    ],
  },
  'long-term-thinking': {
    label: 'weighing the long-term cost',
    phrases: [
      'long term', 'long-term', 'longer term', 'longer-term', 'in the long run', 'next year', 'a year later',
      'a year from now', 'years from now', 'in two years', 'down the line', 'down the road', 'technical debt',
      'tech debt', 'shortcut', 'quick win', 'quick fix', 'band-aid', 'bandaid', 'sticking plaster',
      'quick and dirty', 'would have cost', 'cost us later', 'pay later', 'pay for it later',
      'maintenance burden', 'the slower path', 'slower path', 'proper fix', 'durable', 'paid off',
    ],
  },
  'lasting-ownership': {
    label: 'lasting accountability',
    phrases: [
      'still own', 'I still own', 'still owned', 'still the owner', 'remained the owner', 'stayed the owner',
      'kept owning', 'kept ownership', 'owner of', 'my name on', 'my name is on', 'named owner',
      'accountable', 'accountability', 'responsible for it', 'I own', 'I am on call', 'stayed on call',
      'on-call rota', 'on-call rotation', 'on call for', 'first on the rota', 'rota', 'runbook', 'runbooks',
      'playbook', 'weekly review', 'monthly review', 'quarterly review', 'I still check', 'I still review',
      'still maintain', 'maintain it', 'handed it over',
    ],
  },

  // ── Problem solving ───────────────────────────────────────────────────────────────────────
  reproduction: {
    label: 'reproducing the problem',
    phrases: [
      'reproduced', 'reproduce', 'reproducing', 'repro', 'minimal repro', 'reproducible', 'reproduction',
      'could reproduce', 'managed to reproduce', 'reproduce it locally', 'locally', 'in staging', 'on demand',
      'replayed', 'replay', 'recreated', 'recreate', 'same conditions', 'staging environment', 'test harness',
      'stress test', 'ran it in a loop', 'ran … in a loop', 'thousands of times', 'until it failed',
      'triggered it', 'simulate', 'simulated', 'fault injection', 'made it fail', 'failing case',
    ],
  },
  'fix-applied': {
    label: 'a fix that matches the cause',
    phrases: [
      'the fix was', 'fix was to', 'fixed it by', 'fixed by', 'fixed it', 'patched', 'hotfix',
      'shipped a fix', 'pushed a fix', 'deployed a fix', 'rolled out the fix', 'rolled out a fix',
      'added a lock', 'added a retry', 'added retries', 'added a timeout', 'added a check',
      'added validation', 'made it idempotent', 'corrected', 'downgraded', 'pinned the', 'raised the limit',
      'bumped', 'addressed the', 'targeted fix', 'one-line fix', 'one line fix', 'matched the cause',
    ],
  },

  // ── Scale ────────────────────────────────────────────────────────────────────────────────
  'capacity-limit': {
    label: 'finding where the system breaks',
    phrases: [
      'bottleneck', 'saturated', 'saturation', 'saturating', 'maxed out', 'max out', 'hot partition',
      'hot shard', 'hot key', 'contention', 'headroom', 'ceiling', 'capacity', 'capacity data',
      'capacity planning', 'connection limit', 'max connections', 'connection pool exhausted', 'ran out of',
      'running out of', 'out of memory', 'OOM', 'disk full', 'CPU at 100', '100% CPU', 'pegged', 'pinned at',
      'single point of failure', 'throttled by', 'rate limited by', 'hit the limit', 'hit a limit',
      'hard limit', 'tipping point', 'fell over', 'broke at', 'started failing at', 'degraded at',
      'growth curve', 'queue backing up', 'replication lag', 'consumer lag', 'IOPS',
    ],
  },
  'scale-out-technique': {
    label: 'a technique that scales out',
    phrases: [
      'sharded', 'sharding', 'shards', 'partitioned', 'partitioning', 'partition', 'read replica',
      'read replicas', 'replicas', 'replica', 'autoscaling', 'auto-scaling', 'autoscaler',
      'horizontal scaling', 'horizontally', 'scaled out', 'scale out', 'stateless', 'queue', 'message queue',
      'Kafka', 'SQS', 'RabbitMQ', 'asynchronous', 'cache', 'caching', 'Redis', 'Memcached', 'CDN',
      'edge cache', 'fan-out', 'fanout', 'consistent hashing', 'archived', 'archiving', 'cold storage',
      'tiered storage', 'PgBouncer', 'load balancer', 'more nodes', 'added nodes', 'bigger instance',
      'vertical scaling', 'new store',
    ],
  },
  'load-testing': {
    label: 'proof under load',
    phrases: [
      'load test', 'load tests', 'load-test', 'load tested', 'load-tested', 'load testing', 'stress test',
      'stress tested', 'soak test', 'soak tested', 'spike test', 'performance test', 'benchmark',
      'benchmarked', 'shadow traffic', 'shadowed traffic', 'mirrored traffic', 'traffic mirroring',
      'replayed', 'replayed traffic', 'replayed production', 'capacity model', 'capacity plan',
      'capacity test', 'game day', 'gameday', 'chaos test', 'chaos engineering', 'synthetic traffic',
      'synthetic load', 'k6', 'Locust', 'Gatling', 'JMeter', 'times the forecast', 'times the expected',
      'times the peak', 'x the forecast', 'x peak', 'at twice', 'at three times', 'at 2x', 'at 3x', 'at 5x',
      'at 10x', 'dress rehearsal', 'rehearsal',
    ],
  },
  'overload-protection': {
    label: 'protection when demand exceeds capacity',
    phrases: [
      'rate limit', 'rate limits', 'rate limiting', 'rate-limited', 'rate limiter', 'throttled', 'throttling',
      'throttle', 'backpressure', 'back-pressure', 'load shedding', 'shed load', 'shedding',
      'circuit breaker', 'circuit breakers', 'graceful degradation', 'degraded gracefully',
      'degrade gracefully', 'degraded mode', 'queue depth', 'bounded queue', 'timed out requests',
      'admission control', 'waiting room', 'virtual queue', 'bulkhead', 'bulkheads', 'priority queue',
      'served from cache', 'stale cache', 'turned off non-essential', 'disabled recommendations',
      'kill switch', 'quota', 'quotas', 'retry budget',
    ],
  },
  'headroom-result': {
    label: 'headroom for future growth',
    phrases: [
      'headroom', 'room to grow', 'spare capacity', 'capacity for', 'ceiling', 'new ceiling', 'times the',
      'times today', 'times our', 'times the peak', 'x the peak', '10x', '5x', '3x', 'peak', 'peak traffic',
      'peak load', 'the peak', 'next year', 'for two years', 'growth', 'years of growth', 'months of growth',
      'to grow into', 'without falling over', 'forecast', 'the forecast', 'against the forecast',
      'within … of the forecast',
    ],
  },
  'cost-awareness': {
    label: 'watching what it costs',
    phrases: [
      'cost', 'costs', 'costing', 'bill', 'cloud bill', 'AWS bill', 'invoice', 'spend', 'spending', 'budget',
      'per month', 'per year', 'per request', 'per user', 'per query', 'per GB', 'licence', 'license',
      'licences', 'licenses', 'reserved instances', 'savings plan', 'spot instances', 'cost explorer',
      'cost breakdown', 'FinOps', 'cheaper', 'cheapest', 'expensive', 'dollars', 'savings', 'fewer instances',
      'fewer servers', 'fewer nodes', 'unit cost', 'cost per', 'money',
    ],
  },
  'waste-removed': {
    label: 'finding and removing waste',
    phrases: [
      'unused', 'idle', 'waste', 'wasted', 'wasteful', 'turned off', 'shut down', 'shut off', 'switched off',
      'rightsized', 'right-sized', 'rightsizing', 'right-sizing', 'downsized', 'scaled down', 'cancelled',
      'canceled', 'over-provisioned', 'overprovisioned', 'duplicate', 'duplicated', 'zombie', 'nobody used',
      'no one used', 'unattached', 'leftover', 'sitting idle', 'around the clock', 'lifecycle policy',
      'retention policy', 'cleaned up', 'cleanup', 'deleted old',
    ],
  },
  'without-extra-resources': {
    label: 'doing it without extra people or budget',
    phrases: [
      'without hiring', 'instead of hiring', 'no extra', 'no additional', 'without extra', 'without more',
      'without the budget', 'without budget', 'zero budget', 'small budget', 'tight budget',
      'fraction of the cost', 'headcount', 'only two engineers', 'just two of us', 'with two engineers',
      'with three engineers', 'half the team', 'with what we had', 'instead of buying', 'instead of a new',
      'expensive way', 'the cheap way', 'scrappy', 'frugal', 'cheaper alternative', 'cheaper option',
      'argued against buying', 'argued against spending', 'pushed back on the spend',
    ],
  },

  // ── System design ─────────────────────────────────────────────────────────────────────────
  requirements: {
    label: 'explicit requirements and constraints',
    phrases: [
      'requirements', 'requirement', 'non-functional requirements', 'constraints', 'constraint', 'SLA',
      'SLAs', 'SLO', 'SLOs', 'latency budget', 'latency target', 'p99 target', 'p99 under', 'under … ms',
      'throughput', 'requests per second', 'per second', 'RPS', 'QPS', 'TPS', 'writes per second',
      'reads per second', 'peak traffic', 'read-heavy', 'write-heavy', 'read to write ratio', 'data volume',
      'data size', 'terabytes', 'TB', 'petabytes', 'GB per day', 'events per day', 'million users',
      'concurrent users', 'availability target', 'four nines', 'three nines', '99.9', '99.99', 'RPO', 'RTO',
      'correctness rule', 'exactly once', 'at least once', 'ordering guarantee', 'compliance requirement',
    ],
  },
  'design-components': {
    label: 'components chosen for the job',
    phrases: [
      'queue', 'message queue', 'cache', 'partitioned', 'sharded', 'replica', 'event stream', 'event bus',
      'event-driven', 'topic', 'Kafka', 'Kinesis', 'pubsub', 'load balancer', 'API gateway',
      'service boundary', 'bounded context', 'microservice', 'monolith', 'schema', 'data model', 'Postgres',
      'PostgreSQL', 'MySQL', 'DynamoDB', 'Cassandra', 'Redis', 'Elasticsearch', 'object storage', 'S3',
      'blob storage', 'pipeline', 'worker', 'workers', 'cron job', 'scheduler', 'outbox', 'outbox pattern',
      'CQRS', 'event sourcing', 'write-ahead log', 'key-value store', 'time-series database',
      'chose … because', 'picked … because', 'went with … because', 'Pub Sub',
    ],
  },
  'consistency-model': {
    label: 'consistency, latency and cost weighed against each other',
    phrases: [
      'eventual consistency', 'eventually consistent', 'strong consistency', 'strongly consistent',
      'read-your-writes', 'read your writes', 'linearizable', 'serializable', 'consistency', 'CAP',
      'stale reads', 'staleness', 'a few seconds stale', 'latency versus', 'latency vs', 'consistency versus',
      'cost versus', 'two-phase commit', 'saga', 'sagas', 'compensating', 'normalised', 'normalized',
      'denormalised', 'denormalized', 'sync versus async',
    ],
  },
  'failure-handling': {
    label: 'planning for failure',
    phrases: [
      'idempotent', 'idempotency', 'idempotency key', 'retries', 'retry', 'retried', 'exponential backoff',
      'backoff', 'failover', 'fail over', 'failed over', 'dead-letter queue', 'dead letter queue', 'DLQ',
      'circuit breaker', 'single point of failure', 'redundancy', 'redundant', 'multi-AZ', 'multi-region',
      'second region', 'graceful degradation', 'degrade gracefully', 'backpressure', 'outage',
      'if … goes down', 'when … goes down', 'if … fails', 'when … fails', 'failure mode', 'failure modes',
      'fallback', 'fall back', 'timeouts', 'health checks', 'replayable', 'reconciliation',
      'disaster recovery', 'backups', 'without downtime', 'zero downtime', 'zero-downtime', 'dual writes',
      'dual-write', 'phased cut-over', 'shadow reads', 'rollback plan',
    ],
  },
  'design-review': {
    label: 'reviewed with other engineers',
    phrases: [
      'design review', 'design reviews', 'architecture review', 'architecture reviews', 'design doc',
      'design document', 'RFC', 'reviewed the design', 'review of the design', 'reviewed by', 'reviewers',
      'the reviewers', 'staff engineer', 'principal engineer', 'peer review', 'peer-reviewed',
      'feedback on the design', 'design feedback', 'tech review', 'technical review', 'review board',
      'architecture board', 'walked … through the design', 'presented the design', 'circulated',
      'comments on the doc', 'doc comments', 'challenged the design', 'poked holes',
    ],
  },

  // ── Collaboration and leadership ──────────────────────────────────────────────────────────
  'partner-needs': {
    label: 'what the other team needed',
    phrases: [
      'their priorities', 'their priority', 'their needs', 'their constraints', 'their roadmap',
      'their deadline', 'their deadlines', 'their goals', 'their OKRs', 'their quarter', 'their backlog',
      'their launch', 'what they needed', 'what they needed from us', 'what they cared about',
      'what mattered to them', 'from their side', 'on their side', 'made sense for them',
      'made sense from their', 'asked what they', 'asked them what', 'their pain', 'their on-call',
      'their manager', 'their incentives', 'in their position',
    ],
  },
  'shared-context': {
    label: 'sharing context early',
    phrases: [
      'shared context', 'shared the context', 'shared doc', 'shared document', 'shared channel',
      'Slack channel', 'joint channel', 'shared board', 'weekly sync', 'written update', 'written updates',
      'status update', 'demoed', 'demo', 'demos', 'kept them informed', 'kept … in the loop', 'in the loop',
      'looped in', 'joint planning', 'planning together', 'invited them', 'invited … to', 'early draft',
      'early version', 'in writing', 'one-pager', 'kickoff', 'kick-off', 'office hours', 'open doc',
    ],
  },
  'gave-help': {
    label: 'giving something to the partnership',
    phrases: [
      'offered', 'offered to', 'volunteered', 'paired', 'paired with', 'helped them', 'helped her',
      'helped him', 'lent', 'loaned', 'lent them', 'embedded', 'embedded with', 'joined their',
      'sat with them', 'wrote the integration', 'did the integration', 'did the migration for',
      'built it for them', 'wrote the code for', 'opened a pull request', 'opened pull requests', 'sent a PR',
      'put my own work aside', 'set my work aside', 'paused my', 'dropped what I', 'my own work',
      'spent … days helping', 'spent … helping', 'on their behalf', 'took … off their plate', 'took work off',
      'covered for', 'feasibility', 'simpler alternative', 'technical constraints',
    ],
  },
  'working-agreement': {
    label: 'an explicit working agreement',
    phrases: [
      'agreed on', 'we agreed', 'agreed that', 'working agreement', 'agreement', 'interface contract',
      'API contract', 'schema contract', 'split the work', 'split … work', 'divided the work', 'owners',
      'who owned what', 'who would own', 'escalation path', 'service level', 'SLA', 'handoff', 'hand-off',
      'RACI', 'definition of done', 'acceptance criteria', 'shared roadmap', 'joint roadmap', 'weekly sync',
      'ground rules', 'rules of engagement', 'support agreement', 'on-call agreement', 'wrote down who',
      'written down',
    ],
  },
  'joint-success': {
    label: 'success for both sides',
    phrases: [
      'both teams', 'each team', 'both sides', 'together', 'jointly', 'joint', 'partner team', 'for both',
      'for both teams', 'their team', 'our two teams', 'the two teams', 'both groups', 'both of us',
      'as a whole', 'together we', 'their launch', 'their release', 'their goal', 'shared win', 'win-win',
      'both hit', 'both met',
    ],
  },
  'buy-in': {
    label: 'agreement from engineers and stakeholders',
    phrases: [
      'buy-in', 'buy in', 'bought in', 'consensus', 'aligned', 'alignment', 'got alignment', 'signed off',
      'sign-off', 'got agreement', 'convinced', 'persuaded', 'won over', 'won them over', 'brought … along',
      'brought them along', 'brought people along', 'got … on board', 'on board', 'rallied', 'rally',
      'champion', 'champions', 'allies', 'early allies', 'sponsor', 'executive sponsor', 'pitched', 'pitch',
      'presented', 'roadshow', 'review meeting', 'walked the teams through', 'stakeholders', 'approved',
      'green light', 'greenlit', 'made the case', 'socialised', 'socialized', 'one-on-ones with',
      'without authority', 'influence', 'resistance', 'won over the skeptics', 'won over the sceptics',
    ],
  },
  'written-proposal': {
    label: 'a written proposal',
    phrases: [
      'design doc', 'design document', 'RFC', 'proposal', 'written proposal', 'wrote a proposal',
      'technical direction', 'architecture decision record', 'ADR', 'roadmap', 'migration plan', 'one-pager',
      'one pager', 'one-page', 'two-pager', 'six-pager', 'written plan', 'wrote a plan', 'wrote up',
      'write-up', 'memo', 'wrote a memo', 'vision doc', 'strategy doc', 'wrote a doc', 'in writing', 'PRFAQ',
      'press release', 'comparison doc',
    ],
  },
  'adoption-spread': {
    label: 'adopted by other engineers or teams',
    phrases: [
      'adopted', 'adoption', 'adopted by', 'teams adopted', 'other teams adopted', 'rolled out to',
      'rolled it out to', 'used by', 'now used by', 'now uses', 'became the default', 'the default',
      'became the standard', 'the standard', 'standardised', 'standardized', 'golden path', 'paved road',
      'reused by', 'asked to use', 'every team', 'all teams',
    ],
  },
  'lasting-team-change': {
    label: 'a lasting change in how the team works',
    phrases: [
      'ever since', 'still use', 'still uses', 'still running', 'still in place', 'to this day', 'onboarding',
      'new hires', 'velocity', 'fewer incidents', 'self-serve', 'self-service', 'ran it without me',
      'runs without me', 'after I left', 'after I moved', 'outlived', 'part of how we', 'how the team works',
      'the default', 'now own', 'now owns', 'the team owns',
    ],
  },
  'big-vision': {
    label: 'a bigger goal than asked',
    phrases: [
      'vision', 'north star', 'end state', 'the end state', 'target state', 'long term', 'long-term',
      'multi-year', 'two-year', 'three-year', 'platform', 'a platform', 'platform instead',
      'instead of a one-off', 'bigger', 'bigger opportunity', 'bigger picture', 'bigger problem',
      'much bigger', 'larger opportunity', 'larger outcome', 'ambitious', 'bold', 'moonshot', 'aim higher',
      'aimed higher', 'too small', 'the original ask', 'the original request', 'original goal', 'safer goal',
      'beyond the ticket', 'every team', 'whole company', 'company-wide', 'generalise', 'generalize',
      'reusable',
    ],
  },
  'phased-plan': {
    label: 'a staged path',
    phrases: [
      'phase', 'phases', 'phased', 'phase one', 'phase 1', 'first phase', 'second phase', 'stage', 'stages',
      'staged', 'milestone', 'milestones', 'first step', 'a first step', 'small first step', 'started with',
      'started small', 'start small', 'pilot', 'piloted', 'incremental', 'incrementally', 'iteratively',
      'step by step', 'roadmap', 'migration plan', 'one team first', 'one service first', 'first team',
      'strangler', 'strangler fig', 'rolled out gradually', 'each phase', 'quarter by quarter',
      'month by month', 'dual writes', 'dual-write', 'cut-over', 'cutover',
    ],
  },

  // ── People and wider responsibility ───────────────────────────────────────────────────────
  'people-feedback': {
    label: 'hearing from the people affected',
    phrases: [
      'one-on-ones', 'one-on-one', '1:1', '1:1s', 'skip-level', 'skip level', 'asked each', 'asked everyone',
      'asked each person', 'asked the team', 'anonymous survey', 'survey', 'surveyed', 'pulse survey',
      'engagement survey', 'poll', 'retro', 'retrospective', 'listening session', 'heard from',
      'told me they', 'told me she', 'told me he', 'confided', 'opened up', 'exit interview',
      'exit interviews', 'stay interview', 'focus group', 'before designing', 'talked to each',
      'spoke to each', 'met each',
    ],
  },
  inclusion: {
    label: 'inclusion and fairness',
    phrases: [
      'inclusive', 'inclusion', 'included', 'left out', 'excluded', 'felt excluded', 'felt left out',
      'quieter', 'introverted', 'new joiners', 'new joiner', 'newcomers', 'time zones', 'time zone',
      'timezone', 'remote', 'remote colleagues', 'async-first', 'written first', 'rotated meeting times',
      'meeting times', 'fair', 'fairness', 'unfair', 'equitable', 'safe to', 'psychological safety',
      'psychologically safe', 'accessible', 'accommodation', 'non-native', 'accent', 'language barrier',
      'parents', 'caregivers', 'part-time', 'underrepresented', 'diverse', 'diversity', 'welcoming',
      'belonging',
    ],
  },
  'wellbeing-metric': {
    label: 'a measure of people’s wellbeing',
    phrases: [
      'attrition', 'retention', 'regretted attrition', 'turnover', 'stayed', 'nobody left', 'no one left',
      'resigned', 'left the team', 'quit', 'engagement', 'engagement score', 'survey', 'survey score',
      'survey scores', 'eNPS', 'morale', 'happier', 'pages per week', 'pages a week', 'out of hours',
      'out-of-hours', 'overtime', 'hours of overtime', 'weekend work', 'sick days', 'sick leave', 'burnout',
      'on-call load', 'pager load', 'interrupts', 'internal transfers',
    ],
  },
  'privacy-data': {
    label: 'privacy and personal data',
    phrases: [
      'privacy', 'personal data', 'personal information', 'PII', 'user data', 'customer data',
      'sensitive data', 'health data', 'location data', 'GDPR', 'CCPA', 'HIPAA', 'data protection', 'DPO',
      'data minimisation', 'data minimization', 'minimised', 'minimized', 'collected less',
      'stopped collecting', 'retention limit', 'logged emails', 'emails in the logs', 'consent', 'opt-in',
      'opt out', 'right to be forgotten', 'deletion request', 'breach',
    ],
  },
  accessibility: {
    label: 'accessibility',
    phrases: [
      'accessibility', 'accessible', 'a11y', 'screen reader', 'screen readers', 'VoiceOver', 'TalkBack',
      'NVDA', 'JAWS', 'WCAG', 'contrast', 'colour contrast', 'color contrast', 'keyboard navigation',
      'keyboard-only', 'alt text', 'captions', 'subtitles', 'dyslexia', 'blind', 'low vision', 'deaf',
      'disability', 'disabilities', 'disabled users', 'older users', 'elderly', 'low-end devices',
      'older phones', 'slow connections', '2G', 'low bandwidth', 'translation', 'localised', 'localized',
      'plain language', 'newly able',
    ],
  },
  'environmental-impact': {
    label: 'the environmental footprint',
    phrases: [
      'environmental', 'energy', 'energy use', 'power usage', 'electricity', 'kWh', 'carbon',
      'carbon footprint', 'CO2', 'CO₂', 'emissions', 'greenhouse', 'sustainability', 'footprint',
      'compute hours', 'GPU hours', 'idle servers', 'data centre', 'data center', 'renewable',
      'low-carbon region', 'e-waste', 'battery', 'battery life', 'tonnes',
    ],
  },
  'harm-safety': {
    label: 'harm to people and safety',
    phrases: [
      'harm', 'harmful', 'harmed', 'harms', 'misuse', 'abuse', 'abusive', 'harassment', 'stalking', 'scam',
      'scams', 'fraud', 'fraudsters', 'safety', 'unsafe', 'vulnerable', 'vulnerable users', 'minors',
      'children', 'teenagers', 'community', 'communities', 'society', 'addictive', 'dark pattern',
      'dark patterns', 'manipulative', 'discrimination', 'biased', 'unfair to', 'misinformation', 'ethical',
      'ethics', 'could hurt', 'hurt people', 'victims', 'bad actors',
    ],
  },
  'risk-weighed': {
    label: 'weighing the risk honestly',
    phrases: [
      'risk', 'risks', 'weighed the risk', 'impact assessment', 'privacy impact assessment', 'DPIA',
      'threat model', 'threat modelling', 'threat modeling', 'abuse case', 'abuse cases', 'misuse case',
      'second-order', 'second order', 'unintended', 'unintended consequences', 'side effect', 'side effects',
      'downside', 'worst case', 'what could go wrong', 'how it could be misused', 'against the business goal',
      'business goal', 'growth target', 'revenue target', 'cost to the business', 'red team', 'ethics review',
      'legal review', 'security review', 'pre-mortem',
    ],
  },
  safeguard: {
    label: 'a safeguard put in place',
    phrases: [
      'safeguard', 'safeguards', 'consent', 'explicit consent', 'opt-in', 'opt in', 'retention',
      'retention limit', 'retention period', 'deleted after', 'auto-delete', 'purged', 'anonymised',
      'anonymized', 'pseudonymised', 'pseudonymized', 'hashed', 'masked', 'redacted', 'aggregated',
      'encrypted', 'encryption', 'access control', 'least privilege', 'audit', 'audit log', 'audited',
      'rate limit', 'guardrail', 'guardrails', 'review board', 'human review', 'moderation',
      'reporting button', 'block button', 'default off', 'off by default', 'privacy by default',
      'kill switch', 'age check', 'data minimisation', 'data minimization', 'collected less',
    ],
  },
}
