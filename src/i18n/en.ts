/** English interface strings. The regions' answers stay in Swedish. */
import type { Dict } from './sv';

const en: Dict = {
  lang: 'en',
  locale: 'en-GB',
  documentTitle: (years) =>
    `A named GP in Sweden’s regions – Swedish Medical Association surveys${years ? ` ${years}` : ''}`,
  kicker: (years) => `Swedish Medical Association surveys${years ? ` ${years}` : ''}`,
  // The header's name for Sveriges läkarförbund, everywhere in English (issue 20).
  publisher: (name, inSentence) =>
    name === 'Sveriges läkarförbund' ? `${inSentence ? 'the ' : ''}Swedish Medical Association` : name,
  title: 'A named GP in Sweden’s regions',
  dek: 'Which regions have decided to strive for the guideline of 1,100 inhabitants per doctor in primary care, how many people have a named regular doctor, and how many doctors are missing?',
  skipToContent: 'Skip to content',
  otherLanguage: 'Svenska',
  otherLanguageLabel: 'Läs på svenska',
  controls: 'What the map shows',
  metricLabel: 'Measure',
  metrics: {
    decision: 'Decision on 1,100',
    share: 'Share with a named GP',
    gap: 'Doctors needed',
  },
  metricTitles: {
    decision: (year) => `Decision on the guideline of 1,100 inhabitants per doctor, ${year}`,
    share: 'Share of inhabitants with a named regular doctor, 31 Dec 2023',
    gap: (target) => `Increase in doctors needed for ${target} inhabitants per doctor (2019)`,
  },
  yearLabel: 'Survey',
  viewLabel: 'View',
  views: { map: 'Map', table: 'Table', changes: 'Changes', compare: 'Compare' },
  whatIf: {
    label: 'What-if guideline',
    slider: 'Inhabitants per doctor (slider)',
    number: 'Inhabitants per doctor',
    reset: 'Reset to 1,100',
    help: 'Recompute the doctors needed for another guideline: 800–2,000 inhabitants per doctor.',
    invalid: 'Enter a whole number from 800 to 2,000.',
  },
  copyLink: 'Copy link',
  copied: 'Link copied',
  copyFailed: 'Could not copy – copy the address from the browser',
  downloadCsv: 'Download data (CSV)',
  downloadViewCsv: 'Download this view (CSV)',
  downloadSvg: 'Download image (SVG)',
  downloadPng: 'Download image (PNG)',
  imageFailed: 'The image could not be made.',
  imageCredit: 'Map: Natural Earth. A named GP in Sweden’s regions.',
  print: 'Print region report',
  loading: 'Loading data …',
  mapLabel: (title) =>
    `Map of Sweden’s 21 regions: ${title}. Choose a region with the arrow keys and Enter, or in the list.`,
  noZoom: 'The map cannot be zoomed in this browser (it lacks WebGL 2). Everything else works as usual.',
  mapLost:
    'The zoomable map stopped working (the browser took back its graphics). The map is shown without zoom; everything else works as usual.',
  mapControls: {
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    attribution: 'Toggle attribution',
    map: 'Map',
    ctrlScroll: 'Use Ctrl + scroll to zoom the map',
    cmdScroll: 'Use ⌘ + scroll to zoom the map',
    twoFingers: 'Use two fingers to move the map',
  },
  decisionClasses: {
    dated_plan: 'Decision and political plan with a goal year',
    plan: 'Decision and action plan',
    decided: 'Decision on 1,100',
    equivalent: 'Equivalent own target',
    on_the_way: 'On the way (NJA)',
    other_target: 'Other target (e.g. 1,500)',
    no: 'No decision',
    unknown: 'Unknown',
  },
  range: {
    under: (x) => `under ${x}`,
    atLeast: (x) => `${x} or more`,
    between: (a, b) => `${a}–${b}`,
    noIncrease: 'no increase needed',
  },
  notReportedShare: 'Could not report',
  notReportedGap: 'Not reported',
  legendTitle: 'Key',
  legendCount: (n) => (n === 1 ? '1 region' : `${n} regions`),
  legendHint: 'Point at or focus a class to highlight its regions; click to keep them highlighted.',
  inferredLegend: 'Hatched: inferred from the report’s words, not stated outright',
  unknownLegend: 'Grey and hatched: unknown',
  notReportedLegend: (label: string, n: number) =>
    `Grey and hatched: ${label.toLowerCase()}. The report gives no figure for ${n === 1 ? 'this region' : `these ${n} regions`}.`,
  unknownWhy: {
    lost: (n) =>
      `${n === 1 ? 'One region is grey because its answer was' : `${n} regions are grey because their answers were`} lost from the copy of the report we have: the table’s ticks and crosses did not survive when its text was copied, and the report’s text does not mention ${n === 1 ? 'the region’s decision' : 'their decisions'}.`,
    notGiven: (n) =>
      `${n === 1 ? 'One region is grey because the source does not give its answer' : `${n} regions are grey because the source does not give their answers`}.`,
    fuller: (year, known, total) =>
      `In the ${year} survey, ${known === total ? `all ${total}` : `${known} of ${total}`} regions’ answers are known.`,
  },
  showSurvey: (year) => `Show ${year}`,
  njaNote:
    'NJA (Swedish “nja”, between “nej”, no, and “ja”, yes): the report’s answer for a region whose politicians have not decided on the guideline of 1,100 but have decided to draw up an action plan to reach it, “on the way”.',
  tooltip: {
    shareRank: (rank, of) => `Rank ${rank} of ${of} regions that reported`,
    gapRank: (rank, of) => `Rank ${rank} of ${of}, largest increase first`,
    inClass: (n) => (n === 1 ? 'The only region in its class' : `One of ${n} regions in this class`),
    up: (year, from) => `Forward since ${year} (then: ${from})`,
    down: (year, from) => `Back since ${year} (then: ${from})`,
    same: (year) => `Same class as in ${year}`,
    unknownMove: (year) => `The change since ${year} is unknown`,
  },
  shareGoalNote: (pct) => `The classes from ${pct} up meet the earlier goal.`,
  goalMarker: (pct) => `The ${pct} goal`,
  summary: {
    decision: (n, publisher, when) =>
      `${n} of 21 regions had decided to strive for the guideline of 1,100 inhabitants per doctor, according to ${publisher} (${when}).`,
    decisionClearYes: (n, publisher, when) =>
      `${n} of 21 regions answered a clear yes when asked whether they had decided on the guideline of 1,100 inhabitants per doctor, according to ${publisher} (${when}); the other regions’ answers are not given.`,
    decisionNamed: (k) => ` The report names ${k} of them; the table’s other marks were lost.`,
    share: (n, m, goal, date, missing) =>
      `${n} of the ${m} regions that could report had at least ${goal} of inhabitants listed with a named regular doctor on ${date}; ${missing} regions could not report.`,
    gap: (needed, pct, sum, regions) =>
      `Primary care needed ${needed} more doctors, an increase of ${pct}, to reach 1,100 inhabitants per doctor (2019 figures, the report’s total row; the ${regions} regions with figures needed ${sum} together).`,
    changes: (up, down, from, to, unknown) =>
      `Between ${from} and ${to}, ${up} ${up === 1 ? 'region' : 'regions'} moved forward in their decisions on the guideline and ${down} moved back.` +
      (unknown ? ` For ${unknown} it cannot be told, because one of the surveys lacks the answer.` : ''),
    gapWhatIf: (target, needed, pct, sum, regions) =>
      `At a guideline of ${target} inhabitants per doctor, primary care would need, net, ${needed} more doctors, an increase of ${pct}; the regions’ shortfalls, without netting off surpluses, come to ${sum} doctors (${regions} regions; computed from the 2019 figures).`,
    gapWhatIfSurplus: (target, surplus, sum, regions) =>
      `At a guideline of ${target} inhabitants per doctor, primary care would, net, manage with ${surplus} fewer doctors than in 2019; the regions’ shortfalls, without netting off surpluses, come to ${sum} doctors (${regions} regions; computed).`,
  },
  overview: {
    title: 'Nationwide',
    intro: {
      decision:
        'The bars show how many regions fall in each class by the reports’ own words; the line shows how many regions the reports themselves say have decided. Where they differ, it is because the reports do not name them all. Choose a region on the map or in the list to see its answers.',
      share:
        'The share of inhabitants with a named regular doctor in the regions that could report, with the earlier goal as a line. Choose a region to see its answers.',
      gap: 'Inhabitants per doctor in primary care in 2019 (GP specialists plus half the ST trainees), with the guideline as a line. Choose a region to see its figures.',
    },
  },
  changesView: {
    title: (from, to) => `Changes ${from} → ${to}`,
    from: 'From',
    to: 'To',
    up: (n) => `Forward: ${n} ${n === 1 ? 'region' : 'regions'}`,
    down: (n) => `Back: ${n} ${n === 1 ? 'region' : 'regions'}`,
    noneMoved: 'None.',
    becomes: 'became',
    rest: (same, unknown) =>
      `Unchanged: ${same}. Unknown in either survey, so no change can be told: ${unknown}`,
    answer: (year) => `Answer ${year}`,
    earlier: (year) => `Earlier answer (quoted in the ${year} report)`,
    table: (year) => `Left in the ${year} table`,
    none: (year) => `${year}: no answer text`,
    diffKey: 'Underlined: added. Struck through: removed.',
    pickRegion: 'Choose a region in the list or above to see its answers side by side.',
  },
  compareView: {
    title: 'Compare regions',
    pick: (max) => `Choose two to ${max} regions`,
    needTwo: 'Choose at least two regions to compare.',
  },
  update: {
    title: 'A new version of this page has been published.',
    reload: 'Reload',
  },
  visit: {
    title: 'The data have been updated since your last visit.',
    regions: (n) => (n === 1 ? 'One region’s figures changed:' : `${n} regions’ figures changed:`),
    noRegions: 'No region’s figures changed.',
    dismiss: 'Dismiss',
  },
  regionList: 'Regions',
  regionListHint: 'Choose a region to see its answers.',
  closePanel: 'Close',
  /** The phone's bottom sheet: it peeks over the map, and grows on request. */
  sheet: { expand: 'Show the whole panel', collapse: 'Show less of the panel' },
  panel: {
    surveys: 'Answers in the surveys',
    decision: 'Decision on 1,100',
    otherTarget: 'Other target in force',
    actionPlan: 'Action plan',
    goalYear: 'Goal year in the plan',
    targetYear: 'Target year (no plan)',
    answer: 'The region’s answer (verbatim, in Swedish)',
    tableText: 'Left in the table row (verbatim, in Swedish)',
    showMore: 'Show the whole answer',
    showLess: 'Show less',
    why: 'Why?',
    noAnswerText: 'The report gives no answer text for this survey.',
    notStated: 'unknown',
    noneValue: 'none',
    changes: 'Change since the previous survey',
    noPrevious: 'First survey.',
    noChange: 'No change in what is known.',
    share: 'Share with a named regular doctor',
    shareOf: (pct, date) => `${pct} of inhabitants on ${date}`,
    shareVsGoal: (diff, goal, above) =>
      above
        ? `${diff} percentage points above the ${goal} goal`
        : `${diff} percentage points below the ${goal} goal`,
    shareRank: (rank, of) => `Rank ${rank} of ${of} regions that reported.`,
    shareNational: (n, m, goal) => `${n} of ${m} reporting regions reached ${goal}.`,
    gap: 'Doctors needed in primary care (2019)',
    population: 'Population 2019',
    doctors: 'GP specialists + half the ST trainees',
    perDoctor: 'Inhabitants per doctor',
    needed: (target) => `More doctors needed for ${target}`,
    increase: 'Percentage increase needed',
    computed: 'computed',
    fewer: (n) => `${n} fewer`,
    noIncrease: (pct) => `no increase (${pct})`,
    gapRank: (rank, of) => `Rank ${rank} of ${of} by inhabitants per doctor (most first).`,
    national: 'Sweden',
    nationalNet: (net, sum, regions) =>
      `Sweden (${net}) is the report’s total row recomputed, net: where a region has more doctors than the guideline needs, they are set off against other regions’ shortfalls. The regions’ own shortfalls, without setting off, add up to ${sum} doctors (${regions} regions).`,
    source: 'Source',
    reportSource: 'The report’s basis',
    charts: 'Charts',
  },
  decisionValues: {
    yes: 'Yes',
    partly: 'Partly / on the way',
    equivalent: 'Equivalent target',
    no: 'No',
    unknown: 'Unknown',
  },
  actionPlans: {
    political: 'Politically decided',
    official: 'At official level',
    drafting: 'Decided to draft / being drafted',
    none: 'None',
    unknown: 'Unknown',
  },
  statuses: {
    reported: 'As reported',
    not_reported: 'Could not report',
    not_legible: 'Lost in the text extraction',
    inferred: 'Inferred',
  },
  change: {
    decision: (a, b) => `Decision: ${a} → ${b}`,
    klass: (a, b) => `Class: ${a} → ${b}`,
    target: (a, b) => `Target: ${a} → ${b}`,
    plan: (a, b) => `Action plan: ${a} → ${b}`,
    goal: (a, b) => `Goal year: ${a} → ${b}`,
    up: 'forward',
    down: 'back',
  },
  charts: {
    national: 'Regions per decision class in each survey',
    nationalReported: 'Reported number with a decision',
    clearYesNote: '* The number of regions answering a clear yes, not the number that decided.',
    regionStatus: (name) => `${name}: decision class and target in each survey`,
    shareRank: 'Share with a named GP, all regions that reported',
    gapRank: 'Inhabitants per doctor in 2019, all regions with figures',
    guideline: 'Guideline 1,100',
    goal: (pct) => `Goal ${pct}`,
    year: 'Year',
    regions: 'Regions',
    targetInForce: 'Target in force',
    loading: 'Loading the chart …',
  },
  table: {
    caption: (title) => `All 21 regions: ${title}`,
    region: 'Region',
    klass: 'Class',
    decisionAsGiven: 'Answer in the source',
  },
  errors: {
    title: 'The data could not be loaded',
    file: (file) => `The file ${file} is missing or invalid.`,
    network: 'Network error – check the connection.',
    retry: 'Try again',
    invalidData: 'The map is not coloured until the data are valid.',
  },
  status: {
    offline: (version) => `You are offline. Showing saved data (version ${version}).`,
    cached: (version) => `Data version ${version}.`,
  },
  embed: {
    button: 'Embed',
    title: 'Embed this view',
    label: 'Code to paste into your web page',
    hint: (height, width) =>
      `The map with its legend, summary and source, as on screen now. The frame is ${height} px tall and fits without scrolling in a column at least ${width} px wide.`,
    copy: 'Copy the code',
    copied: 'The code is copied.',
    copyFailed: 'Could not copy: select the code and copy it yourself.',
    close: 'Close',
    source: 'Source',
    fullView: 'Full view',
  },
  footer: {
    printedFrom: 'Printed from',
    via: (who) => `as cited by ${who}`,
    sources: 'Sources',
    notes: 'About the data',
    method:
      'Every value comes from a sentence, table cell or figure in the Swedish Medical Association’s reports. What the reports do not say is shown as unknown. Map: Natural Earth (public domain).',
    guideline: (per, st) =>
      `The National Board of Health and Welfare’s guideline (2022): at most about ${per} inhabitants per specialist in general practice and ${st} per ST trainee.`,
    goal55: (pct, year) =>
      `The goal that at least ${pct} should have a named regular doctor was part of earlier agreements, to be met by the end of ${year}.`,
  },
};
export default en;
