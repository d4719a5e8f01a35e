/**
 * Labels of the administrative case file in Kazakh and Russian, with English as the fallback. A label
 * missing in a language shows the English text, so a new field never renders blank.
 */
export type LabelKey =
  | 'title'
  | 'case'
  | 'service'
  | 'generatedAt'
  | 'regulationVersion'
  | 'timeline'
  | 'decisions'
  | 'signatures'
  | 'compliance'
  | 'integrity'
  | 'chainHead'
  | 'valid'
  | 'broken'
  | 'complaints'
  | 'rule'
  | 'triggeredOn'
  | 'dueOn'
  | 'stepOn'
  | 'state'
  | 'workingDays'
  | 'met'
  | 'missed'
  | 'open'
  | 'cancelled'
  | 'none'
  | 'signer';

type Texts = { en: string; kk?: string; ru?: string };

export const LABELS: Record<LabelKey, Texts> = {
  title: { kk: 'Әкімшілік іс', ru: 'Административное дело', en: 'Administrative case file' },
  case: { kk: 'Іс', ru: 'Дело', en: 'Case' },
  service: { kk: 'Мемлекеттік көрсетілетін қызмет', ru: 'Государственная услуга', en: 'State service' },
  generatedAt: { kk: 'Қалыптастырылған уақыты', ru: 'Сформировано', en: 'Generated at' },
  regulationVersion: { kk: 'Қағидалар редакциясы', ru: 'Редакция правил', en: 'Regulation version' },
  timeline: { kk: 'Іс-әрекеттер хронологиясы', ru: 'Хронология действий', en: 'Timeline' },
  decisions: { kk: 'Шешімдер', ru: 'Решения', en: 'Decisions' },
  signatures: { kk: 'ЭЦҚ қолтаңбалары', ru: 'Подписи ЭЦП', en: 'Signatures' },
  compliance: { kk: 'Мерзімдердің сақталуы', ru: 'Соблюдение сроков', en: 'Compliance report' },
  integrity: { kk: 'Хэш-тізбекті тексеру', ru: 'Проверка хеш-цепочки', en: 'Hash-chain verification' },
  chainHead: { kk: 'Тізбек басы', ru: 'Вершина цепочки', en: 'Chain head' },
  valid: { kk: 'бүтін', ru: 'целостна', en: 'intact' },
  broken: { kk: 'бұзылған', ru: 'нарушена', en: 'broken' },
  complaints: { kk: 'Шағымдар', ru: 'Жалобы', en: 'Complaints' },
  rule: { kk: 'Норма', ru: 'Норма', en: 'Rule' },
  triggeredOn: { kk: 'Басталу күні', ru: 'Дата начала', en: 'Triggered on' },
  dueOn: { kk: 'Мерзімі', ru: 'Срок', en: 'Due on' },
  stepOn: { kk: 'Орындалған күні', ru: 'Дата исполнения', en: 'Step taken on' },
  state: { kk: 'Күйі', ru: 'Состояние', en: 'State' },
  workingDays: {
    kk: 'Жұмыс күндері (пайдаланылды / рұқсат)',
    ru: 'Рабочие дни (использовано / положено)',
    en: 'Working days (used / allowed)',
  },
  met: { kk: 'сақталды', ru: 'соблюден', en: 'met' },
  missed: { kk: 'бұзылды', ru: 'нарушен', en: 'missed' },
  open: { kk: 'ағымдағы', ru: 'идёт', en: 'open' },
  cancelled: { kk: 'қолданылмайды', ru: 'не применяется', en: 'not applicable' },
  none: { kk: 'жоқ', ru: 'нет', en: 'none' },
  signer: { kk: 'Қол қоюшы', ru: 'Подписант', en: 'Signer' },
};

/** "Kazakh / Russian (English)", each falling back to English. */
export function label(key: LabelKey): string {
  const t = LABELS[key];
  return `${t.kk ?? t.en} / ${t.ru ?? t.en} (${t.en})`;
}

/** Short form for table cells: "Kazakh / Russian". */
export function shortLabel(key: LabelKey): string {
  const t = LABELS[key];
  return `${t.kk ?? t.en} / ${t.ru ?? t.en}`;
}
