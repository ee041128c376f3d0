/** Swedish interface strings (the default language). en.ts must have the same shape. */
import type { ActionPlan, Decision, Status } from '../data/schema';
import type { DecisionClass } from '../domain/decision';

const sv = {
  lang: 'sv',
  locale: 'sv-SE',
  /** `years`: the surveys' span, first–last (yearSpan), from the data, never written here. */
  documentTitle: (years: string) =>
    `Fast läkarkontakt i regionerna – Läkarförbundets kartläggningar${years ? ` ${years}` : ''}`,
  kicker: (years: string) => `Läkarförbundets kartläggningar${years ? ` ${years}` : ''}`,
  /** A publisher's name as the data give it, in this language (Swedish: as given); the second argument: mid-sentence. */
  publisher: (name: string, _inSentence: boolean) => name,
  title: 'Fast läkarkontakt i regionerna',
  dek: 'Vilka regioner har beslutat att sträva mot riktvärdet 1\u00a0100 invånare per läkare i primärvården, hur många har en fast namngiven läkare, och hur många läkare saknas?',
  skipToContent: 'Hoppa till innehållet',
  otherLanguage: 'English',
  otherLanguageLabel: 'Read in English',
  controls: 'Vad kartan visar',
  metricLabel: 'Mått',
  metrics: {
    decision: 'Beslut om 1\u00a0100',
    share: 'Andel med fast läkare',
    gap: 'Läkarbehov',
  },
  metricTitles: {
    decision: (year: number) => `Beslut om riktvärdet 1\u00a0100 invånare per läkare, ${year}`,
    share: 'Andel invånare med fast namngiven läkarkontakt, 31 dec. 2023',
    gap: (target: string) => `Ökning av antalet läkare som krävs för ${target} invånare per läkare (2019)`,
  },
  yearLabel: 'Kartläggning',
  viewLabel: 'Visning',
  views: { map: 'Karta', table: 'Tabell', changes: 'Förändringar', compare: 'Jämför' },
  whatIf: {
    label: 'Tänkt riktvärde',
    slider: 'Invånare per läkare (reglage)',
    number: 'Invånare per läkare',
    reset: 'Återställ 1\u00a0100',
    help: 'Räkna om läkarbehovet för ett annat riktvärde: 800–2\u00a0000 invånare per läkare.',
    invalid: 'Skriv ett heltal mellan 800 och 2\u00a0000.',
  },
  copyLink: 'Kopiera länk',
  copied: 'Länken är kopierad',
  copyFailed: 'Kunde inte kopiera – kopiera adressen i webbläsaren',
  downloadCsv: 'Ladda ner data (CSV)',
  downloadViewCsv: 'Ladda ner vyn (CSV)',
  downloadSvg: 'Ladda ner bild (SVG)',
  downloadPng: 'Ladda ner bild (PNG)',
  imageFailed: 'Bilden kunde inte skapas.',
  imageCredit: 'Karta: Natural Earth. Fast läkarkontakt i regionerna.',
  print: 'Skriv ut regionrapport',
  loading: 'Hämtar data …',
  mapLabel: (title: string) =>
    `Karta över Sveriges 21 regioner: ${title}. Välj en region med piltangenterna och Enter, eller i listan.`,
  noZoom: 'Kartan kan inte zoomas i den här webbläsaren (WebGL 2 saknas). Allt annat fungerar som vanligt.',
  mapLost:
    'Den zoombara kartan slutade fungera (webbläsaren tog tillbaka grafiken). Kartan visas utan zoom; allt annat fungerar som vanligt.',
  mapControls: {
    zoomIn: 'Zooma in',
    zoomOut: 'Zooma ut',
    attribution: 'Visa källa för kartan',
    map: 'Karta',
    ctrlScroll: 'Håll Ctrl och scrolla för att zooma kartan',
    cmdScroll: 'Håll ⌘ och scrolla för att zooma kartan',
    twoFingers: 'Använd två fingrar för att flytta kartan',
  },
  decisionClasses: {
    dated_plan: 'Beslut och politiskt beslutad plan med målår',
    plan: 'Beslut och handlingsplan',
    decided: 'Beslut om 1\u00a0100',
    equivalent: 'Likvärdigt eget mål',
    on_the_way: 'På väg (NJA)',
    other_target: 'Annat mål (t.ex. 1\u00a0500)',
    no: 'Inget beslut',
    unknown: 'Uppgift saknas',
  } satisfies Record<DecisionClass, string>,
  /** Class ranges; the bounds come formatted (format.ts) from describe.ts. */
  range: {
    under: (x: string) => `under ${x}`,
    atLeast: (x: string) => `${x} eller mer`,
    between: (a: string, b: string) => `${a}–${b}`,
    noIncrease: 'ingen ökning behövs',
  },
  notReportedShare: 'Kunde inte redovisa',
  notReportedGap: 'Ej redovisat',
  legendTitle: 'Förklaring',
  legendCount: (n: number) => (n === 1 ? '1 region' : `${n} regioner`),
  legendHint:
    'Peka på eller fokusera en klass för att markera dess regioner; klicka för att låsa markeringen.',
  inferredLegend: 'Streckad: härlett ur rapportens ord, inte uttryckligen sagt',
  unknownLegend: 'Grå och streckad: uppgift saknas',
  notReportedLegend: (label: string, n: number) =>
    `Grå och streckad: ${label.toLowerCase()}. Rapporten ger ingen siffra för ${n === 1 ? 'den regionen' : `de ${n} regionerna`}.`,
  unknownWhy: {
    lost: (n: number) =>
      `${n === 1 ? 'En region är grå eftersom dess svar' : `${n} regioner är grå eftersom deras svar`} gick förlorade i den kopia av rapporten vi har: tabellens bockar och kryss kom inte med när texten kopierades, och rapportens text nämner inte ${n === 1 ? 'regionens' : 'deras'} beslut.`,
    notGiven: (n: number) =>
      `${n === 1 ? 'En region är grå eftersom' : `${n} regioner är grå eftersom`} källan inte anger ${n === 1 ? 'dess' : 'deras'} svar.`,
    fuller: (year: number, known: number, total: number) =>
      `I kartläggningen ${year} är ${known === total ? `alla ${total}` : `${known} av ${total}`} regioners svar kända.`,
  },
  showSurvey: (year: number) => `Visa ${year}`,
  njaNote:
    'NJA (”nja”, mellan nej och ja): rapportens svar för en region vars politiker inte har beslutat om riktvärdet 1\u00a0100 men har beslutat att ta fram en handlingsplan för att nå det, ”på gång”.',
  tooltip: {
    shareRank: (rank: number, of: number) => `Plats ${rank} av ${of} regioner som redovisade`,
    gapRank: (rank: number, of: number) => `Plats ${rank} av ${of}, störst ökning först`,
    inClass: (n: number) => (n === 1 ? 'Ensam i sin klass' : `En av ${n} regioner i klassen`),
    up: (year: number, from: string) => `Framåt sedan ${year} (då: ${from})`,
    down: (year: number, from: string) => `Bakåt sedan ${year} (då: ${from})`,
    same: (year: number) => `Samma klass som ${year}`,
    unknownMove: (year: number) => `Förändringen sedan ${year} är okänd`,
  },
  shareGoalNote: (pct: string) => `Klasserna från ${pct} och uppåt når det tidigare målet.`,
  goalMarker: (pct: string) => `Målet ${pct}`,
  summary: {
    decision: (n: string, publisher: string, when: string) =>
      `${n} av 21 regioner hade beslutat att sträva mot riktvärdet 1\u00a0100 invånare per läkare enligt ${publisher} (${when}).`,
    decisionClearYes: (n: string, publisher: string, when: string) =>
      `${n} av 21 regioner svarade tydligt ja på frågan om de beslutat om riktvärdet 1\u00a0100 invånare per läkare enligt ${publisher} (${when}); övriga regioners svar anges inte.`,
    decisionNamed: (k: string) =>
      ` Rapporten namnger ${k} av dem; övriga markeringar i tabellen gick förlorade.`,
    share: (n: string, m: string, goal: string, date: string, missing: string) =>
      `${n} av de ${m} regioner som kunde redovisa hade minst ${goal} av invånarna listade hos en fast namngiven läkare den ${date}; ${missing} regioner kunde inte redovisa.`,
    gap: (needed: string, pct: string, sum: string, regions: string) =>
      `Primärvården behövde ${needed} fler läkare, en ökning med ${pct}, för att nå 1\u00a0100 invånare per läkare (siffror för 2019, rapportens totalrad; de ${regions} regioner som har siffror behövde tillsammans ${sum}).`,
    changes: (up: number, down: number, from: number, to: number, unknown: number) =>
      `Mellan ${from} och ${to} tog ${up} ${up === 1 ? 'region' : 'regioner'} steg framåt i besluten om riktvärdet och ${down} steg bakåt.` +
      (unknown
        ? ` För ${unknown} går det inte att säga, eftersom uppgiften saknas i någon av kartläggningarna.`
        : ''),
    gapWhatIf: (target: string, needed: string, pct: string, sum: string, regions: string) =>
      `Med riktvärdet ${target} invånare per läkare skulle primärvården netto behöva ${needed} fler läkare, en ökning med ${pct}; regionernas underskott, utan att räkna av överskott, är ${sum} läkare (${regions} regioner; beräknat på 2019 års siffror).`,
    gapWhatIfSurplus: (target: string, surplus: string, sum: string, regions: string) =>
      `Med riktvärdet ${target} invånare per läkare skulle primärvården netto klara sig med ${surplus} färre läkare än 2019; regionernas underskott, utan att räkna av överskott, är ${sum} läkare (${regions} regioner; beräknat).`,
  },
  overview: {
    title: 'Hela landet',
    intro: {
      decision:
        'Staplarna visar hur många regioner som hamnar i varje klass enligt rapporternas egna ord; linjen visar hur många regioner rapporterna själva säger har beslutat. Där de skiljer sig åt är det för att rapporterna inte namnger alla. Välj en region på kartan eller i listan för att se dess svar.',
      share:
        'Andelen invånare med fast namngiven läkarkontakt i de regioner som kunde redovisa, med det tidigare målet som linje. Välj en region för att se dess svar.',
      gap: 'Invånare per läkare i primärvården 2019 (specialister i allmänmedicin plus hälften av ST-läkarna), med riktvärdet som linje. Välj en region för att se dess siffror.',
    },
  },
  changesView: {
    title: (from: number, to: number) => `Förändringar ${from} → ${to}`,
    from: 'Från',
    to: 'Till',
    up: (n: number) => `Framåt: ${n} ${n === 1 ? 'region' : 'regioner'}`,
    down: (n: number) => `Bakåt: ${n} ${n === 1 ? 'region' : 'regioner'}`,
    noneMoved: 'Ingen.',
    becomes: 'blev',
    rest: (same: number, unknown: number) =>
      `Oförändrade: ${same}. Okänt i någon av kartläggningarna, så ingen förändring kan utläsas: ${unknown}`,
    answer: (year: number) => `Svar ${year}`,
    earlier: (year: number) => `Tidigare svar (citerat i rapporten ${year})`,
    table: (year: number) => `Kvar i tabellen ${year}`,
    none: (year: number) => `${year}: ingen svarstext`,
    diffKey: 'Understruket: tillagt. Överstruket: borttaget.',
    pickRegion: 'Välj en region i listan eller ovan för att se dess svar sida vid sida.',
  },
  compareView: {
    title: 'Jämför regioner',
    pick: (max: number) => `Välj två till ${max} regioner`,
    needTwo: 'Välj minst två regioner att jämföra.',
  },
  update: {
    title: 'En ny version av sidan har publicerats.',
    reload: 'Ladda om',
  },
  visit: {
    title: 'Uppgifterna har uppdaterats sedan ditt förra besök.',
    regions: (n: number) =>
      n === 1 ? 'En region har ändrade uppgifter:' : `${n} regioner har ändrade uppgifter:`,
    noRegions: 'Inga regioners uppgifter har ändrats.',
    dismiss: 'Stäng meddelandet',
  },
  regionList: 'Regioner',
  regionListHint: 'Välj en region för att se dess svar.',
  closePanel: 'Stäng',
  /** The phone's bottom sheet: it peeks over the map, and grows on request. */
  sheet: { expand: 'Visa hela panelen', collapse: 'Visa mindre av panelen' },
  panel: {
    surveys: 'Svar i kartläggningarna',
    decision: 'Beslut om 1\u00a0100',
    otherTarget: 'Annat mål i kraft',
    actionPlan: 'Handlingsplan',
    goalYear: 'Målår i planen',
    targetYear: 'Målår för målet (utan plan)',
    answer: 'Regionens svar (ordagrant)',
    tableText: 'Kvar i tabellraden (ordagrant)',
    showMore: 'Visa hela svaret',
    showLess: 'Visa mindre',
    why: 'Varför?',
    noAnswerText: 'Rapporten återger ingen svarstext för denna kartläggning.',
    notStated: 'uppgift saknas',
    noneValue: 'inget',
    changes: 'Förändring sedan föregående kartläggning',
    noPrevious: 'Första kartläggningen.',
    noChange: 'Ingen förändring i det som är känt.',
    share: 'Andel med fast namngiven läkarkontakt',
    shareOf: (pct: string, date: string) => `${pct} av invånarna den ${date}`,
    shareVsGoal: (diff: string, goal: string, above: boolean) =>
      above ? `${diff} procentenheter över målet ${goal}` : `${diff} procentenheter under målet ${goal}`,
    shareRank: (rank: number, of: number) => `Plats ${rank} av ${of} regioner som redovisade.`,
    shareNational: (n: number, m: number, goal: string) => `${n} av ${m} redovisande regioner nådde ${goal}.`,
    gap: 'Läkarbehov i primärvården (2019)',
    population: 'Befolkning 2019',
    doctors: 'Specialister i allmänmedicin + hälften av ST-läkarna',
    perDoctor: 'Invånare per läkare',
    needed: (target: string) => `Fler läkare som krävs för ${target}`,
    increase: 'Procentuell ökning som krävs',
    computed: 'beräknat',
    fewer: (n: string) => `${n} färre`,
    noIncrease: (pct: string) => `ingen ökning (${pct})`,
    gapRank: (rank: number, of: number) =>
      `Plats ${rank} av ${of} räknat i invånare per läkare (flest först).`,
    national: 'Riket',
    nationalNet: (net: string, sum: string, regions: string) =>
      `Riket (${net}) är rapportens totalrad räknad om, netto: där en region har fler läkare än riktvärdet kräver räknas de av mot andra regioners underskott. Regionernas egna underskott, utan avräkning, är sammanlagt ${sum} läkare (${regions} regioner).`,
    source: 'Källa',
    reportSource: 'Rapportens underlag',
    charts: 'Diagram',
  },
  decisionValues: {
    yes: 'Ja',
    partly: 'Delvis / på väg',
    equivalent: 'Likvärdigt mål',
    no: 'Nej',
    unknown: 'Uppgift saknas',
  } satisfies Record<Decision, string>,
  actionPlans: {
    political: 'Politiskt beslutad',
    official: 'På tjänstemannanivå',
    drafting: 'Beslutad att tas fram / under framtagande',
    none: 'Ingen',
    unknown: 'Uppgift saknas',
  } satisfies Record<ActionPlan, string>,
  statuses: {
    reported: 'Enligt rapporten',
    not_reported: 'Kunde inte redovisa',
    not_legible: 'Förlorad i textutdraget',
    inferred: 'Härlett',
  } satisfies Record<Status, string>,
  change: {
    decision: (a: string, b: string) => `Beslut: ${a} → ${b}`,
    klass: (a: string, b: string) => `Klass: ${a} → ${b}`,
    target: (a: string, b: string) => `Mål: ${a} → ${b}`,
    plan: (a: string, b: string) => `Handlingsplan: ${a} → ${b}`,
    goal: (a: string, b: string) => `Målår: ${a} → ${b}`,
    up: 'framåt',
    down: 'bakåt',
  },
  charts: {
    national: 'Regioner per beslutsklass i varje kartläggning',
    nationalReported: 'Rapporterat antal med beslut',
    clearYesNote: '* Antalet regioner som svarade tydligt ja, inte antalet som beslutat.',
    regionStatus: (name: string) => `${name}: beslutsklass och mål i varje kartläggning`,
    shareRank: 'Andel med fast läkare, alla regioner som redovisade',
    gapRank: 'Invånare per läkare 2019, alla regioner med siffror',
    guideline: 'Riktvärdet 1\u00a0100',
    goal: (pct: string) => `Målet ${pct}`,
    year: 'År',
    regions: 'Regioner',
    targetInForce: 'Mål i kraft',
    loading: 'Diagrammet laddas …',
  },
  table: {
    caption: (title: string) => `Alla 21 regioner: ${title}`,
    region: 'Region',
    klass: 'Klass',
    decisionAsGiven: 'Svar i källan',
  },
  errors: {
    title: 'Data kunde inte laddas',
    file: (file: string) => `Filen ${file} saknas eller är felaktig.`,
    network: 'Nätverksfel – kontrollera anslutningen.',
    retry: 'Försök igen',
    invalidData: 'Kartan färgas inte förrän data är giltiga.',
  },
  status: {
    offline: (version: string) => `Du är offline. Visar sparade data (version ${version}).`,
    cached: (version: string) => `Data version ${version}.`,
  },
  embed: {
    button: 'Bädda in',
    title: 'Bädda in den här vyn',
    label: 'Kod att klistra in på din webbsida',
    hint: (height: string, width: string) =>
      `Kartan med förklaring, sammanfattning och källa, som på skärmen nu. Ramen är ${height} px hög och får plats utan rullning i en spalt som är minst ${width} px bred.`,
    copy: 'Kopiera koden',
    copied: 'Koden är kopierad.',
    copyFailed: 'Kunde inte kopiera: markera koden och kopiera den själv.',
    close: 'Stäng',
    source: 'Källa',
    fullView: 'Hela vyn',
  },
  footer: {
    printedFrom: 'Utskrivet från',
    via: (who: string) => `enligt ${who}`,
    sources: 'Källor',
    notes: 'Om uppgifterna',
    method:
      'Varje värde kommer från en mening, tabellcell eller figur i Läkarförbundets rapporter. Det som rapporterna inte säger visas som okänt. Kartan: Natural Earth (public domain).',
    guideline: (per: string, st: string) =>
      `Socialstyrelsens nationella riktvärde (2022): högst cirka ${per} invånare per specialist i allmänmedicin och ${st} per ST-läkare.`,
    goal55: (pct: string, year: string) =>
      `Målet att minst ${pct} ska ha en fast läkarkontakt fanns i tidigare överenskommelser, till utgången av ${year}.`,
  },
} as const;

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : { [K in keyof T]: Widen<T[K]> };

/** The shape every language file must have. */
export type Dict = Widen<typeof sv>;
export default sv as Dict;
