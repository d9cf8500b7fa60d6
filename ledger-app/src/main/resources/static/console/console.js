// The console calls the ledger's own API with its session cookie: the same rules as any client.
const TEXT = {
  zh: { title: '继续教育学时台账', signIn: '登录', apiKey: 'API 密钥', signInButton: '登录', signOut: '退出',
        practitioner: '专业技术人员', practitionerId: '人员编号', find: '查询', name: '姓名', jurisdiction: '省区',
        region: '地区', titleLevel: '职称级别', years: '年度学时', year: '年度', public: '公需科目',
        professional: '专业科目', total: '合计', status: '状态', ruleSet: '规则', MET: '达标', NOT_MET: '未达标',
        language: 'English', signedInAs: '已登录：', decision: '资格判定', purpose: '用途', level: '级别',
        asOf: '截至日期', knownAt: '按某时刻所知', exceptional: '破格', decide: '判定', scope: '范围',
        category: '类别', required: '要求', credited: '已计', met: '达到', citation: '依据',
        TITLE_EVALUATION: '职称评审', ASSESSMENT_RECOGNITION: '考核认定', PUBLIC: '公需科目',
        PROFESSIONAL: '专业科目', TOTAL: '合计', yes: '是', no: '否', outcome: '结论', recordedBy: '记录者',
        event: '事件', then: '当时所知', now: '现在', NOT_LIMITING: '不作限制', WAIVED: '免除', NO_RULE: '无规则',
        clauseNotFound: '原文中未找到该条款' },
  en: { title: 'Continuing-education ledger', signIn: 'Sign in', apiKey: 'API key', signInButton: 'Sign in',
        signOut: 'Sign out', practitioner: 'Practitioner', practitionerId: 'Practitioner id', find: 'Find',
        name: 'Name', jurisdiction: 'Jurisdiction', region: 'Region', titleLevel: 'Title level', years: 'Hours by year',
        year: 'Year', public: 'Public', professional: 'Professional', total: 'Total', status: 'Status',
        ruleSet: 'Rule set', MET: 'met', NOT_MET: 'not met', language: '中文', signedInAs: 'Signed in: ',
        decision: 'Eligibility decision', purpose: 'Purpose', level: 'Level', asOf: 'As of', knownAt: 'As known at',
        exceptional: 'Exceptional', decide: 'Decide', scope: 'Scope', category: 'Category', required: 'Required',
        credited: 'Credited', met: 'Met', citation: 'Clause', TITLE_EVALUATION: 'Title evaluation',
        ASSESSMENT_RECOGNITION: 'Assessment recognition', PUBLIC: 'Public', PROFESSIONAL: 'Professional',
        TOTAL: 'Total', yes: 'yes', no: 'no', outcome: 'Outcome', recordedBy: 'Recorded by', event: 'Event',
        then: 'As known then', now: 'Now', NOT_LIMITING: 'not limiting', WAIVED: 'waived', NO_RULE: 'no rule',
        clauseNotFound: 'clause not found in the document' },
};
let language = localStorage.getItem('console.language') || 'zh';
let session = null;
const $ = (id) => document.getElementById(id);
const t = (key) => TEXT[language][key] ?? key;

function translate() {
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
  $('language').textContent = t('language');
  document.title = t('title');
  if (session) $('who').textContent = t('signedInAs') + session.name + ' (' + session.roles.join(', ') + ')';
}

async function api(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && session) headers['X-CSRF-Token'] = session.csrfToken;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
                                       credentials: 'same-origin' });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw Object.assign(new Error(json?.detail || response.statusText), { status: response.status });
  return json;
}

function show(signedIn) {
  session = signedIn;
  $('sign-in-view').hidden = !!signedIn;
  $('practitioner-view').hidden = !signedIn;
  $('sign-out').hidden = !signedIn;
  $('who').hidden = !signedIn;
  translate();
  if (signedIn) $('practitioner-id').focus(); else $('api-key').focus();
}

$('sign-in').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('sign-in-error').textContent = '';
  try {
    show(await api('POST', '/console/session', { apiKey: $('api-key').value }));
    $('api-key').value = '';
  } catch (e) {
    $('sign-in-error').textContent = e.message;
  }
});

$('sign-out').addEventListener('click', async () => {
  await api('POST', '/console/session/end').catch(() => {});
  $('profile').hidden = true;
  show(null);
});

$('language').addEventListener('click', () => {
  language = language === 'zh' ? 'en' : 'zh';
  localStorage.setItem('console.language', language);
  translate();
});

$('find').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('find-error').textContent = '';
  $('profile').hidden = true;
  const id = encodeURIComponent($('practitioner-id').value.trim());
  current = { id, history: null };
  $('decision').hidden = true;
  try {
    const [profile, years] = await Promise.all([api('GET', `/api/v1/practitioners/${id}`),
                                                api('GET', `/api/v1/practitioners/${id}/years`)]);
    $('profile-name').textContent = profile.profile.name;
    $('profile-jurisdiction').textContent = profile.profile.jurisdiction;
    $('profile-region').textContent = profile.profile.region;
    $('profile-title').textContent = profile.profile.titleLevel;
    const rows = $('years').querySelector('tbody');
    rows.replaceChildren(...years.map((y) => {
      const row = document.createElement('tr');
      row.dataset.year = y.year;
      for (const value of [y.year, y.public, y.professional, y.total]) {
        const cell = document.createElement('td');
        cell.textContent = typeof value === 'number' && value % 1 === 0 && value !== y.year ? value.toFixed(1) : value;
        row.append(cell);
      }
      const status = document.createElement('td');
      status.textContent = t(y.status);
      status.className = y.status === 'MET' ? 'met' : 'not-met';
      const ruleSet = document.createElement('td');
      ruleSet.textContent = y.ruleSet.id;
      row.append(status, ruleSet);
      return row;
    }));
    $('profile').hidden = false;
  } catch (e) {
    if (e.status === 401) { show(null); return; }
    $('find-error').textContent = e.message;
  }
});

const LEVELS = {
  TITLE_EVALUATION: ['JUNIOR', 'INTERMEDIATE', 'ASSOCIATE_SENIOR', 'SENIOR'],
  ASSESSMENT_RECOGNITION: ['ASSOCIATE_TO_ASSISTANT', 'BACHELOR_TO_ASSISTANT', 'MASTER_TO_INTERMEDIATE',
                           'DOCTOR_TO_INTERMEDIATE'],
};
function levels() {
  $('level').replaceChildren(...LEVELS[$('purpose').value].map((l) => Object.assign(document.createElement('option'),
    { value: l, textContent: l })));
}
$('purpose').addEventListener('change', levels);
levels();
$('level').value = 'INTERMEDIATE';
$('decision-year').value = new Date().getFullYear();

let current = { id: null, history: null };

function cell(text, className) {
  const td = document.createElement('td');
  if (text instanceof Node) td.append(text); else td.textContent = text ?? '';
  if (className) td.className = className;
  return td;
}

function decisionQuery(knownAt) {
  const q = new URLSearchParams({ purpose: $('purpose').value, level: $('level').value, year: $('decision-year').value,
                                  exceptional: $('exceptional').checked });
  if ($('as-of').value) q.set('asOf', $('as-of').value);
  if (knownAt) q.set('knownAt', new Date($('known-at').value).toISOString());
  return q;
}

async function showEvent(sequence) {
  current.history ??= await api('GET', `/api/v1/practitioners/${current.id}/history`);
  const entry = current.history.find((e) => e.sequence === sequence);
  const box = $('event');
  box.replaceChildren(Object.assign(document.createElement('h4'), { textContent: `${t('event')} #${sequence}: ${entry.type}` }),
    Object.assign(document.createElement('p'), { className: 'recorded-by',
      textContent: `${t('recordedBy')}: ${entry.actor.name ?? entry.actor.keyId} (${entry.actor.keyId}) · ${entry.recordedAt}` }),
    Object.assign(document.createElement('pre'), { textContent: JSON.stringify(entry.payload, null, 2) }));
  box.hidden = false;
}

async function showClause(ruleSet, citation) {
  const answer = await api('GET', `/api/v1/rule-sets/${encodeURIComponent(ruleSet)}/clauses?citation=${encodeURIComponent(citation)}`);
  const box = $('clause');
  box.replaceChildren(Object.assign(document.createElement('h4'), { textContent: `${ruleSet}: ${citation}` }));
  for (const c of answer.clauses) {
    box.append(Object.assign(document.createElement('p'), { className: 'document', textContent: `${c.source} ${c.path} · ${c.document}` }),
               Object.assign(document.createElement('blockquote'), { className: 'clause-text', textContent: c.text ?? t('clauseNotFound') }));
  }
  box.hidden = false;
}

function link(text, onClick, className) {
  const button = Object.assign(document.createElement('button'), { type: 'button', className, textContent: text });
  button.addEventListener('click', onClick);
  return button;
}

function renderDecision(decision) {
  $('outcome').textContent = `${t('outcome')}: ${t(decision.outcome)} (${decision.ruleSet.id})`;
  $('outcome').className = 'outcome ' + (decision.eligible ? 'met' : 'not-met');
  $('outcome').dataset.outcome = decision.outcome;
  $('reliefs').replaceChildren(...decision.reliefs.map((r) => Object.assign(document.createElement('li'),
    { textContent: `${r.kind}${r.decisive ? ' ★' : ''} · ${r.citation} · ${r.detail}` })));
  const rows = [];
  decision.requirements.forEach((r, index) => {
    const row = document.createElement('tr');
    row.dataset.requirement = index;
    const figure = link(Number(r.credited).toFixed(1), () => {
      document.querySelectorAll(`tr[data-of='${index}']`).forEach((c) => { c.hidden = !c.hidden; });
    }, 'figure');
    row.append(cell(r.scope), cell(t(r.category)), cell(Number(r.required).toFixed(1)), cell(figure),
               cell(r.met ? t('yes') : t('no'), r.met ? 'met' : 'not-met'),
               cell(link(r.citation, () => showClause(decision.ruleSet.id, r.citation), 'link')));
    rows.push(row);
    for (const c of r.contributions) {
      const contribution = document.createElement('tr');
      contribution.className = 'contribution';
      contribution.dataset.of = index;
      contribution.hidden = true;
      contribution.append(cell(link(`#${c.sequence} ${c.eventType}`, () => showEvent(c.sequence), 'link')),
        cell(c.id), cell(''), cell(Number(c.hours).toFixed(1)), cell(c.recordedBy?.name ?? ''),
        cell(link(c.citation, () => showClause(decision.ruleSet.id, c.citation), 'link')));
      rows.push(contribution);
    }
  });
  $('requirements').querySelector('tbody').replaceChildren(...rows);
  $('event').hidden = true;
  $('clause').hidden = true;
  $('decision').hidden = false;
}

$('decide').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('decide-error').textContent = '';
  try {
    const base = `/api/v1/practitioners/${current.id}/eligibility?`;
    if ($('known-at').value) {
      const [then, now] = await Promise.all([api('GET', base + decisionQuery(true)), api('GET', base + decisionQuery(false))]);
      renderDecision(then);
      $('known-then').textContent = `${t('then')}: ${t(then.outcome)} · ${t('now')}: ${t(now.outcome)}`
        + (then.outcome === now.outcome ? '' : ' ⚠');
      $('known-then').hidden = false;
    } else {
      renderDecision(await api('GET', base + decisionQuery(false)));
      $('known-then').hidden = true;
    }
  } catch (e) {
    if (e.status === 401) { show(null); return; }
    $('decide-error').textContent = e.message;
  }
});

api('GET', '/console/session').then(show, () => show(null));
