/** Interface strings in Kazakh, Russian and English. Keys missing in kk/ru fall back to English. */
export type Lang = 'kk' | 'ru' | 'en';

const en = {
  skip: 'Skip to content',
  lang: 'Language',
  'nav.dashboard': 'Dashboard',
  'nav.openCase': 'Open case',
  'nav.open': 'Open',
  'auth.signIn': 'Sign in',
  'auth.signOut': 'Sign out',
  'auth.title': 'Sign in',
  'auth.paste': 'Paste a bearer token (JWT)',
  'auth.dev': 'Development mode: pick a role',
  'auth.mint': 'Use role',
  'auth.cancel': 'Cancel',
  'auth.needed': 'Sign in with a token to see the data.',
  'service.privatization': 'Privatization of dwellings',
  'service.housing-assistance': 'Housing assistance',
  'service.complaints': 'Complaints',
  'filter.service': 'Service',
  'filter.provider': 'Provider',
  'filter.allProviders': 'All providers',
  'filter.from': 'From',
  'filter.to': 'To',
  'filter.apply': 'Apply',
  'kpi.cases': 'Cases',
  'kpi.open': 'Open',
  'kpi.onTime': 'On time',
  'kpi.overdue': 'Overdue',
  'kpi.hearings': 'Hearings held',
  'chart.onTime': 'On-time rate by month',
  'chart.funnel': 'Cases by stage',
  'chart.durations': 'Duration per stage, working days (median / p90)',
  'chart.refusals': 'Refusals by ground',
  'chart.channels': 'Applications by channel',
  'chart.complaints': 'Complaints by outcome',
  'chart.empty': 'No data for this selection',
  'table.overdue': 'Overdue deadlines',
  'table.case': 'Case',
  'table.provider': 'Provider',
  'table.rule': 'Rule',
  'table.deadline': 'Deadline',
  'table.due': 'Due',
  'table.daysOverdue': 'Days overdue',
  'table.stage': 'Stage',
  'table.none': 'Nothing overdue.',
  live: 'Live',
  'live.off': 'Not live',
  updated: 'Updated',
  'case.title': 'Case',
  'case.stage': 'Stage',
  'case.status': 'Status',
  'case.track': 'Track',
  'case.provider': 'Provider',
  'case.registered': 'Registered',
  'case.regulation': 'Regulation version',
  'case.deadlines': 'Deadlines',
  'case.timeline': 'Timeline',
  'case.asOf': 'State as of',
  'case.now': 'now',
  'case.file': 'Administrative case file (PDF)',
  'case.verified': 'Hash chain verified',
  'case.broken': 'Hash chain broken',
  'case.verifying': 'Verifying hash chain…',
  'case.stateAt': 'State at this moment',
  'case.signature': 'Signed',
  'deadline.open': 'open',
  'deadline.met': 'met',
  'deadline.missed': 'missed',
  'deadline.cancelled': 'cancelled',
  'legend.step': 'step',
  'error.load': 'Could not load',
  loading: 'Loading…',
};
export type Key = keyof typeof en;

const ru: Partial<Record<Key, string>> = {
  skip: 'Перейти к содержимому',
  lang: 'Язык',
  'nav.dashboard': 'Панель мониторинга',
  'nav.openCase': 'Открыть дело',
  'nav.open': 'Открыть',
  'auth.signIn': 'Войти',
  'auth.signOut': 'Выйти',
  'auth.title': 'Вход',
  'auth.paste': 'Вставьте токен (JWT)',
  'auth.dev': 'Режим разработки: выберите роль',
  'auth.mint': 'Выбрать роль',
  'auth.cancel': 'Отмена',
  'auth.needed': 'Войдите с токеном, чтобы увидеть данные.',
  'service.privatization': 'Приватизация жилища',
  'service.housing-assistance': 'Жилищная помощь',
  'service.complaints': 'Жалобы',
  'filter.service': 'Услуга',
  'filter.provider': 'Услугодатель',
  'filter.allProviders': 'Все услугодатели',
  'filter.from': 'С',
  'filter.to': 'По',
  'filter.apply': 'Применить',
  'kpi.cases': 'Дела',
  'kpi.open': 'В работе',
  'kpi.onTime': 'В срок',
  'kpi.overdue': 'Просрочено',
  'kpi.hearings': 'Заслушиваний',
  'chart.onTime': 'Доля в срок по месяцам',
  'chart.funnel': 'Дела по этапам',
  'chart.durations': 'Длительность этапов, рабочие дни (медиана / p90)',
  'chart.refusals': 'Отказы по основаниям',
  'chart.channels': 'Заявления по каналам',
  'chart.complaints': 'Жалобы по результатам',
  'chart.empty': 'Нет данных для этой выборки',
  'table.overdue': 'Просроченные сроки',
  'table.case': 'Дело',
  'table.provider': 'Услугодатель',
  'table.rule': 'Норма',
  'table.deadline': 'Срок',
  'table.due': 'Истекает',
  'table.daysOverdue': 'Дней просрочки',
  'table.stage': 'Этап',
  'table.none': 'Просрочек нет.',
  live: 'В реальном времени',
  'live.off': 'Нет соединения',
  updated: 'Обновлено',
  'case.title': 'Дело',
  'case.stage': 'Этап',
  'case.status': 'Статус',
  'case.track': 'Порядок',
  'case.provider': 'Услугодатель',
  'case.registered': 'Зарегистрировано',
  'case.regulation': 'Редакция правил',
  'case.deadlines': 'Сроки',
  'case.timeline': 'Хронология',
  'case.asOf': 'Состояние на',
  'case.now': 'сейчас',
  'case.file': 'Административное дело (PDF)',
  'case.verified': 'Цепочка хешей проверена',
  'case.broken': 'Цепочка хешей нарушена',
  'case.verifying': 'Проверка цепочки…',
  'case.stateAt': 'Состояние на этот момент',
  'case.signature': 'Подписано ЭЦП',
  'deadline.open': 'идёт',
  'deadline.met': 'соблюдён',
  'deadline.missed': 'нарушен',
  'deadline.cancelled': 'отменён',
  'legend.step': 'шаг',
  'error.load': 'Не удалось загрузить',
  loading: 'Загрузка…',
};

const kk: Partial<Record<Key, string>> = {
  skip: 'Мазмұнға өту',
  lang: 'Тіл',
  'nav.dashboard': 'Мониторинг тақтасы',
  'nav.openCase': 'Істі ашу',
  'nav.open': 'Ашу',
  'auth.signIn': 'Кіру',
  'auth.signOut': 'Шығу',
  'auth.title': 'Кіру',
  'auth.paste': 'Токенді (JWT) қойыңыз',
  'auth.dev': 'Әзірлеу режимі: рөлді таңдаңыз',
  'auth.mint': 'Рөлді таңдау',
  'auth.cancel': 'Болдырмау',
  'auth.needed': 'Деректерді көру үшін токенмен кіріңіз.',
  'service.privatization': 'Тұрғын үйді жекешелендіру',
  'service.housing-assistance': 'Тұрғын үй көмегі',
  'service.complaints': 'Шағымдар',
  'filter.service': 'Қызмет',
  'filter.provider': 'Көрсетілетін қызметті беруші',
  'filter.allProviders': 'Барлық қызмет берушілер',
  'filter.from': 'Бастап',
  'filter.to': 'Дейін',
  'filter.apply': 'Қолдану',
  'kpi.cases': 'Істер',
  'kpi.open': 'Жұмыста',
  'kpi.onTime': 'Мерзімінде',
  'kpi.overdue': 'Мерзімі өткен',
  'kpi.hearings': 'Тыңдаулар',
  'chart.onTime': 'Айлар бойынша мерзімінде орындалу үлесі',
  'chart.funnel': 'Кезеңдер бойынша істер',
  'chart.durations': 'Кезең ұзақтығы, жұмыс күндері (медиана / p90)',
  'chart.refusals': 'Бас тарту негіздері',
  'chart.channels': 'Арналар бойынша өтініштер',
  'chart.complaints': 'Шағымдардың нәтижелері',
  'chart.empty': 'Бұл таңдау бойынша дерек жоқ',
  'table.overdue': 'Мерзімі өткен істер',
  'table.case': 'Іс',
  'table.provider': 'Қызмет беруші',
  'table.rule': 'Норма',
  'table.deadline': 'Мерзім',
  'table.due': 'Аяқталуы',
  'table.daysOverdue': 'Кешіктірілген күн',
  'table.stage': 'Кезең',
  'table.none': 'Мерзімі өткен іс жоқ.',
  live: 'Тікелей',
  'live.off': 'Байланыс жоқ',
  updated: 'Жаңартылды',
  'case.title': 'Іс',
  'case.stage': 'Кезең',
  'case.status': 'Мәртебе',
  'case.track': 'Тәртіп',
  'case.provider': 'Қызмет беруші',
  'case.registered': 'Тіркелді',
  'case.regulation': 'Қағидалар редакциясы',
  'case.deadlines': 'Мерзімдер',
  'case.timeline': 'Хронология',
  'case.asOf': 'Күйі',
  'case.now': 'қазір',
  'case.file': 'Әкімшілік іс (PDF)',
  'case.verified': 'Хэш тізбегі тексерілді',
  'case.broken': 'Хэш тізбегі бұзылған',
  'case.verifying': 'Тізбек тексерілуде…',
  'case.stateAt': 'Осы сәттегі күйі',
  'case.signature': 'ЭЦҚ қойылды',
  'deadline.open': 'ашық',
  'deadline.met': 'сақталды',
  'deadline.missed': 'бұзылды',
  'deadline.cancelled': 'тоқтатылды',
  'legend.step': 'қадам',
  'error.load': 'Жүктеу мүмкін болмады',
  loading: 'Жүктелуде…',
};

const dictionaries: Record<Lang, Partial<Record<Key, string>>> = { en, ru, kk };
let current: Lang = (localStorage.getItem('kezen.lang') as Lang | null) ?? 'kk';

export function lang(): Lang {
  return current;
}
export function setLang(next: Lang): void {
  current = next;
  localStorage.setItem('kezen.lang', next);
  document.documentElement.lang = next;
  applyStatic();
}
export function t(key: Key | string): string {
  return dictionaries[current][key as Key] ?? en[key as Key] ?? key;
}
/** Translates elements marked with data-i18n in the static shell. */
export function applyStatic(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n as Key);
  });
}
const KK_MONTHS = ['қаң', 'ақп', 'нау', 'сәу', 'мам', 'мау', 'шіл', 'там', 'қыр', 'қаз', 'қар', 'жел'];

/** Dates of legal meaning are shown in Asia/Almaty. Browsers often lack Kazakh locale data, so kk is formatted here. */
export function formatDate(iso: string | undefined | null): string {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00+05:00` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  const dateOnly = iso.length === 10;
  if (current === 'kk') {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Almaty',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(d)
        .map((p) => [p.type, p.value]),
    );
    const date = `${parts.year} ж. ${Number(parts.day)} ${KK_MONTHS[Number(parts.month) - 1]}.`;
    return dateOnly ? date : `${date} ${parts.hour}:${parts.minute}`;
  }
  const locale = current === 'en' ? 'en-GB' : 'ru-RU';
  const opts: Intl.DateTimeFormatOptions = dateOnly
    ? { dateStyle: 'medium', timeZone: 'Asia/Almaty' }
    : { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Almaty' };
  return new Intl.DateTimeFormat(locale, opts).format(d);
}
export function formatPercent(x: number | null | undefined): string {
  return x === null || x === undefined || Number.isNaN(x) ? '—' : `${Math.round(x * 1000) / 10}%`;
}
