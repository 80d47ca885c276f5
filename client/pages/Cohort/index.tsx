// Team mode's cohort pages: the list of one's cohorts (instructors create cohorts and invite links there;
// candidates choose whether to share their answers), joining with an invite link, and the instructor view of one
// cohort: coverage heat map, weakest criteria with a prompt each, attempts per member per week, and who has not
// practised this week.

export { CohortPage } from './CohortPage'
export { CohortsPage } from './CohortsPage'
export { JoinPage } from './JoinPage'
