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
        clauseNotFound: '原文中未找到该条款', supervision: '基地监管', rosterUpload: '花名册上报',
        listSessions: '列出培训班', base: '基地', session: '培训班', signals: '风险信号', weight: '权重',
        inspections: '检查', drawSample: '随机抽查', size: '数量', seed: '随机种子', draw: '抽取',
        redraw: '重新抽取以核验', recordInspection: '记录检查结果', inspectionId: '检查编号', inspector: '检查人',
        date: '日期', verdict: '结论', notes: '说明', record: '记录', hours: '学时', credit: '学时状态',
        csvFile: 'CSV 文件', upload: '上传', row: '行', field: '字段', message: '说明',
        sampleDrawn: '抽中', sampleVerified: '核验一致：同一种子抽出同样的培训班', sampleDiffers: '核验不一致',
        accepted: '接受', rejected: '拒绝', CREDITED: '已计入', NOT_CREDITED: '未计入', REVOKED: '已撤销',
        PENDING: '处理中' },
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
        clauseNotFound: 'clause not found in the document', supervision: 'Supervision', rosterUpload: 'Roster upload',
        listSessions: 'List sessions', base: 'Base', session: 'Session', signals: 'Risk signals', weight: 'Weight',
        inspections: 'Inspections', drawSample: 'Random check', size: 'Size', seed: 'Seed', draw: 'Draw',
        redraw: 'Draw again to verify', recordInspection: 'Record an inspection', inspectionId: 'Inspection id',
        inspector: 'Inspector', date: 'Date', verdict: 'Verdict', notes: 'Notes', record: 'Record', hours: 'Hours',
        credit: 'Credit', csvFile: 'CSV file', upload: 'Upload', row: 'Row', field: 'Field', message: 'Message',
        sampleDrawn: 'Drawn', sampleVerified: 'Verified: the same seed draws the same sessions',
        sampleDiffers: 'Not verified', accepted: 'accepted', rejected: 'rejected', CREDITED: 'credited',
        NOT_CREDITED: 'not credited', REVOKED: 'revoked', PENDING: 'pending' },
};
let language = localStorage.getItem('console.language') || 'zh';
const redraw = [];
let session = null;
const $ = (id) => document.getElementById(id);
const t = (key) => TEXT[language][key] ?? key;

// a label stays beside its field when a form wraps on a narrower screen
document.querySelectorAll('form label[for]').forEach((label) => {
  const control = label.nextElementSibling;
  if (!control || control.id !== label.htmlFor) return;
  const pair = document.createElement('span');
  pair.className = 'pair';
  label.before(pair);
  pair.append(label, control);
});

function translate() {
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
  $('language').textContent = t('language');
  document.title = t('title');
  document.querySelectorAll('[data-i18n-label]').forEach((e) => e.setAttribute('aria-label', t(e.dataset.i18nLabel)));
  if (session) $('who').textContent = t('signedInAs') + session.name + ' (' + session.roles.join(', ') + ')';
  redraw.forEach((draw) => draw());
}

async function api(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && session) headers['X-CSRF-Token'] = session.csrfToken;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
                                       credentials: 'same-origin' });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (notJson) { json = { detail: text }; }
  if (!response.ok) {
    const error = Object.assign(new Error(problem(json, response)), { status: response.status, problem: json });
    // a session signed out elsewhere, expired, or whose key was revoked: the page says so and asks to sign in
    if (response.status === 401 && session && !path.startsWith('/console/session')) signedOut(error.message);
    throw error;
  }
  return json;
}

/** A problem+json answer as one line: its title, its sentence and the field it names. */
function problem(json, response) {
  if (!json) return `${response.status} ${response.statusText}`;
  const field = json.field ? ` (${t('field')}: ${json.field})` : '';
  return `${json.title ? json.title + ': ' : ''}${json.detail ?? ''}${field}`;
}

/** Signed out: nothing the last key was shown stays in the page for whoever signs in next. */
function forget() {
  views.clear();
  for (const id of ['profile', 'search-results', 'decision', 'timeline', 'review-result', 'base-page', 'sample', 'redraw',
                    'revocations', 'listing', 'listing-pages', 'statistics', 'statistics-charts', 'what-if-result',
                    'issued-key', 'certified', 'known-then', 'changes']) {
    $(id).hidden = true;
  }
  document.querySelectorAll('main tbody').forEach((body) => {
    if (!body.closest('#what-if-counts')) body.replaceChildren();
  });
  $('base-list').replaceChildren();
  $('issued-key-value').textContent = '';
  $('roster-summary').textContent = '';
  document.querySelectorAll('.error:not(#sign-in-error)').forEach((e) => { e.textContent = ''; });
}

function signedOut(message) {
  show(null);
  $('sign-in-error').textContent = `${t('sessionEnded')} ${message}`;
}

function openView(viewId) {
  document.querySelectorAll('section.view').forEach((v) => { v.hidden = v.id !== viewId; });
  document.querySelectorAll('#views button').forEach((b) => b.setAttribute('aria-current', b.dataset.view === viewId));
  onOpen[viewId]?.();
}

function show(signedIn) {
  session = signedIn;
  $('sign-in-view').hidden = !!signedIn;
  $('views').hidden = !signedIn;
  document.querySelectorAll('section.view').forEach((v) => { v.hidden = true; });
  if (signedIn) {
    // the views a key's roles may use; the API decides again on every call
    const allowed = [...document.querySelectorAll('#views button')].filter((b) =>
      b.dataset.roles.split(' ').some((r) => signedIn.roles.includes(r)));
    document.querySelectorAll('#views button').forEach((b) => { b.hidden = !allowed.includes(b); });
    document.querySelectorAll('[data-roles]:not(#views button)').forEach((part) => {
      part.hidden = !part.dataset.roles.split(' ').some((r) => signedIn.roles.includes(r));
    });
    if (allowed.length) openView(allowed[0].dataset.view);
    if (signedIn.bases.length) $('roster-base').value = signedIn.bases[0];
  }
  $('sign-out').hidden = !signedIn;
  $('who').hidden = !signedIn;
  if (!signedIn) forget();
  translate();
  if (!signedIn) $('api-key').focus();
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
  $('sign-in-error').textContent = '';
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
    $('profile-name').textContent = profile.profile.name ?? t('erased');
    // masked (150102********1234) unless the key may see it whole: the API decides, the page shows what it got
    $('profile-id-number').textContent = profile.profile.idNumber ?? '—';
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
      row.append(word(y.status, y.status === 'MET' ? 'met' : 'not-met'), cell(y.ruleSet.id));
      return row;
    }));
    $('profile').hidden = false;
    $('timeline').hidden = true;
    $('review-result').hidden = true;
    yearsChart(years);
  } catch (e) {
    if (e.status === 401) return;
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

/** A cell showing a word of TEXT, translated again whenever the language changes. */
function word(key, className) {
  const td = cell(t(key), className);
  td.dataset.i18n = key;
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
    row.append(cell(r.scope), word(r.category), cell(Number(r.required).toFixed(1)), cell(figure),
               word(r.met ? 'yes' : 'no', r.met ? 'met' : 'not-met'),
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
  $('certified').hidden = true;
  try {
    const base = `/api/v1/practitioners/${current.id}/eligibility?`;
    if ($('known-at').value) {
      const [then, now] = await Promise.all([api('GET', base + decisionQuery(true)), api('GET', base + decisionQuery(false))]);
      renderDecision(then);
      $('known-then').textContent = `${t('then')}: ${t(then.outcome)} · ${t('now')}: ${t(now.outcome)}`
        + (then.outcome === now.outcome ? '' : ' ⚠');
      $('known-then').hidden = false;
      changes($('changes'), then, now);
    } else {
      renderDecision(await api('GET', base + decisionQuery(false)));
      $('known-then').hidden = true;
      $('changes').hidden = true;
    }
  } catch (e) {
    if (e.status === 401) return;
    $('decide-error').textContent = e.message;
  }
});

document.querySelectorAll('#views button').forEach((b) => b.addEventListener('click', () => openView(b.dataset.view)));

// ---------------------------------------------------------------- supervisors
$('sessions-year').value = new Date().getFullYear();
$('inspection-date').value = new Date().toISOString().slice(0, 10);
let lastSample = null;

function fail(box) {
  return (e) => {
    if (e.status === 401) return;
    $(box).textContent = e.message;
  };
}

async function listSessions() {
  const q = new URLSearchParams({ year: $('sessions-year').value });
  if ($('sessions-jurisdiction').value) q.set('jurisdiction', $('sessions-jurisdiction').value);
  if ($('sessions-signal').value) q.set('signal', $('sessions-signal').value);
  const sessions = await api('GET', '/api/v1/supervision/sessions?' + q);
  await baseList($('sessions-jurisdiction').value);
  $('sessions').querySelector('tbody').replaceChildren(...sessions.map((s) => {
    const row = document.createElement('tr');
    row.dataset.session = `${s.baseId}/${s.sessionId}`;
    const signals = document.createElement('div');
    s.findings.forEach((f) => signals.append(Object.assign(document.createElement('span'),
      { className: 'signal', title: `${f.detail} (${f.citation})`, textContent: f.signal })));
    row.append(cell(s.baseId), cell(`${s.sessionId} ${s.title ?? ''}`), cell(signals), cell(s.weight),
               cell(s.inspections.map((i) => `${i.inspectionId}: ${i.verdict}`).join(', ')));
    return row;
  }));
  $('inspect-session').replaceChildren(...sessions.map((s) => Object.assign(document.createElement('option'),
    { value: `${s.baseId}/${s.sessionId}`, textContent: `${s.baseId} / ${s.sessionId}` })));
}

$('sessions-filter').addEventListener('submit', (event) => {
  event.preventDefault();
  $('supervision-error').textContent = '';
  listSessions().catch(fail('supervision-error'));
});

async function draw() {
  const body = { year: Number($('sessions-year').value), size: Number($('sample-size').value), seed: $('sample-seed').value };
  if ($('sessions-jurisdiction').value) body.jurisdiction = $('sessions-jurisdiction').value;
  return api('POST', '/api/v1/inspection-samples', body);
}

$('draw').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('supervision-error').textContent = '';
  try {
    lastSample = (await draw()).sample;
    $('sample').textContent = `${t('seed')}: ${lastSample.seed} · ${t('sampleDrawn')}: `
      + lastSample.selected.map((c) => `${c.baseId}/${c.sessionId}`).join(', ');
    $('sample').hidden = false;
    $('redraw').hidden = false;
    if (lastSample.selected.length) $('inspect-session').value = `${lastSample.selected[0].baseId}/${lastSample.selected[0].sessionId}`;
  } catch (e) { fail('supervision-error')(e); }
});

$('redraw').addEventListener('click', async () => {
  try {
    const again = (await draw()).sample;
    const same = JSON.stringify(again.selected) === JSON.stringify(lastSample.selected);
    $('sample').textContent += ` · ${same ? t('sampleVerified') : t('sampleDiffers')}`;
  } catch (e) { fail('supervision-error')(e); }
});

$('inspect').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('supervision-error').textContent = '';
  const [baseId, sessionId] = $('inspect-session').value.split('/');
  try {
    const answer = await api('POST', `/api/v1/bases/${encodeURIComponent(baseId)}/sessions/${encodeURIComponent(sessionId)}/inspections`,
      { inspectionId: $('inspection-id').value, inspector: $('inspector').value, date: $('inspection-date').value,
        verdict: $('verdict').value, notes: $('notes').value || null });
    const roster = await api('GET', `/api/v1/bases/${encodeURIComponent(baseId)}/sessions/${encodeURIComponent(sessionId)}/roster`);
    $('revocations').querySelector('tbody').replaceChildren(...roster.rows.map((r) => {
      const row = document.createElement('tr');
      row.dataset.practitioner = r.practitionerId;
      row.append(cell(r.practitionerId), cell(Number(r.hours).toFixed(1)),
                 word(r.credit, r.credit === 'CREDITED' ? 'met' : 'not-met'));
      return row;
    }));
    $('revocations').hidden = false;
    await listSessions();
  } catch (e) { fail('supervision-error')(e); }
});

// ---------------------------------------------------------------- bases
$('roster').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('roster-error').textContent = '';
  const file = $('roster-file').files[0];
  const headers = { 'Content-Type': 'text/csv', 'X-CSRF-Token': session.csrfToken, Accept: 'application/json' };
  const path = `/api/v1/bases/${encodeURIComponent($('roster-base').value)}/sessions/${encodeURIComponent($('roster-session').value)}/roster`;
  const button = $('roster').querySelector('button[type=submit]');
  button.disabled = true;
  $('roster-progress').hidden = false;
  let response;
  let answer;
  try {
    response = await fetch(path, { method: 'POST', headers, body: await file.arrayBuffer(), credentials: 'same-origin' });
    answer = await response.json();
  } finally {
    button.disabled = false;
    $('roster-progress').hidden = true;
  }
  if (response.status === 401) { signedOut(problem(answer, response)); return; }
  if (!response.ok) { $('roster-error').textContent = problem(answer, response); return; }
  $('roster-summary').textContent = `${t('accepted')}: ${answer.accepted} · ${t('rejected')}: ${answer.rejected}`;
  $('roster-rows').querySelector('tbody').replaceChildren(...answer.rows.map((r) => {
    const row = document.createElement('tr');
    row.dataset.row = r.row;
    row.append(cell(r.row), cell(r.practitionerId), cell(r.status, r.status === 'ACCEPTED' || r.status === 'DUPLICATE' ? 'met' : 'not-met'),
               cell(r.field), cell(r.message));
    return row;
  }));
});

// ---------------------------------------------------------------- words of the pages added for issue 16
Object.assign(TEXT.zh, {
  erased: '（个人信息已删除）', searchBy: '查找方式', idNumber: '身份证号', searchText: '查找内容', search: '查找', noMatches: '未找到符合的人员',
  yearsChart: '年度学时图', history: '历史时间线', showHistory: '显示历史', whatChanged: '前后变化',
  creditedThen: '当时已计', creditedNow: '现在已计', metThen: '当时达到', metNow: '现在达到', nothingChanged: '各项要求均未变化',
  certificationId: '认证编号', certify: '认证此判定', certifiedAs: '已认证', reexamine: '复核认证', reexamineButton: '复核',
  reproduced: '复现一致：按认证时所知重新计算，结论相同', notReproduced: '未能复现：按认证时所知重新计算，结论不同',
  todayAgrees: '今日判定与认证一致', todayDiffers: '今日判定已变化', today: '今日', since: '认证后记录的事实',
  ruleSetChanged: '规则集版本已变', certifiedAt: '认证时间', ACCEPTED: '已记录', DUPLICATE: '重复（未变）',
  signal: '风险信号', bases: '培训基地', basesNote: '所有培训基地（按所选省区）；点击编号打开基地页面，也可按编号打开。', sessionsCount: '个培训班',
  baseId: '基地编号', openBase: '打开基地', statusHistory: '状态变更', at: '时间', from: '原状态', to: '新状态',
  reason: '原因', sessionsAndSignals: '培训班及风险信号', dates: '日期', headcount: '人数',
  signalsAndReasons: '风险信号及原因', none: '无', population: '总体分析', listing: '资格名单', populationCount: '总人数', pageSize: '每页',
  filter: '筛选', previous: '上一页', next: '下一页', page: '第 {p} / {n} 页 · 共 {m} 条',
  statistics: '统计（IM-MEASURES-2017 第二十八条）', show: '显示', shareChart: '达标比例（%）', hoursChart: '学时合计',
  practitioners: '人数', publicHours: '公需学时', professionalHours: '专业学时', meetingMinimums: '达标人数',
  share: '达标比例', whatIf: '政策模拟（what-if）', baseline: '基准规则',
  parameters: '候选规则：修改参数（由规则集自身的参数生成）', parameterFilter: '筛选参数',
  changedParameters: '已修改参数', runWhatIf: '模拟', computing: '正在计算…', uploading: '正在上传…',
  eligibleBaseline: '基准下符合', eligibleCandidate: '候选下符合', changed: '结论变化',
  differences: '结论不同的人员', baselineOutcome: '基准结论', candidateOutcome: '候选结论',
  noParametersChanged: '请至少修改一个参数', shownFirst: '只显示前 {n} 人', administration: '系统管理',
  keys: 'API 密钥', keyName: '名称', roles: '角色', baseIdsList: '基地编号（逗号分隔）',
  jurisdictionsList: '省区（逗号分隔）', regionsList: '地区（逗号分隔）', expiresAt: '有效期至', createKey: '创建密钥',
  keyShownOnce: '新密钥只显示这一次，请妥善保存：', keyId: '密钥编号', scopeList: '范围', notesList: '备注',
  revoke: '吊销', oldKeyValidUntil: '旧密钥有效至', newKeyExpiresAt: '新密钥有效期至', rotate: '轮换', rebuilds: '重建视图',
  startRebuild: '重建 practitioner-views', noRebuild: '本节点尚未重建过视图', events: '事件',
  projections: '投影状态', refresh: '刷新', processor: '处理器', position: '位置', head: '事件库末尾', lag: '滞后',
  caughtUp: '已追上', running: '运行中', sessionEnded: '会话已结束，请重新登录。', ACTIVE: '有效', EXPIRED: '已过期',
  WARNED: '警告', SUSPENDED: '暂停', WITHDRAWN: '取消资格', COMPLETED: '已完成', FAILED: '失败', RUNNING: '进行中',
  environmentKey: '环境变量中的密钥', replacedBy: '已由 {k} 替换', revokedBecause: '吊销原因',
  chooseKey: '请选择密钥', percent: '%', publicSeries: '公需科目', professionalSeries: '专业科目',
});
Object.assign(TEXT.en, {
  erased: '(personal data erased)', searchBy: 'Find by', idNumber: 'ID number', searchText: 'Text to find', search: 'Search', noMatches: 'No practitioner matches',
  yearsChart: 'Hours by year, chart', history: 'History', showHistory: 'Show the history', whatChanged: 'What changed',
  creditedThen: 'Credited then', creditedNow: 'Credited now', metThen: 'Met then', metNow: 'Met now',
  nothingChanged: 'No requirement changed', certificationId: 'Certification id', certify: 'Certify this decision',
  certifiedAs: 'Certified', reexamine: 'Re-examine a certification', reexamineButton: 'Re-examine',
  reproduced: 'Reproduced: recomputed as known when certified, the same outcome',
  notReproduced: 'Not reproduced: recomputed as known when certified, another outcome',
  todayAgrees: "today's decision agrees", todayDiffers: "today's decision has changed", today: 'Today',
  since: 'Facts recorded since', ruleSetChanged: "the rule set's version has changed", certifiedAt: 'Certified at',
  ACCEPTED: 'recorded', DUPLICATE: 'duplicate (unchanged)', signal: 'Signal', bases: 'Training bases',
  basesNote: 'Every training base (of the jurisdiction chosen); open one by its id.', sessionsCount: 'sessions', baseId: 'Base id',
  openBase: 'Open base', statusHistory: 'Status history', at: 'At', from: 'From', to: 'To', reason: 'Reason',
  sessionsAndSignals: 'Sessions and their risk signals', dates: 'Dates', headcount: 'Headcount',
  signalsAndReasons: 'Risk signals and why they fired', none: 'none', population: 'Population',
  listing: 'Eligibility listing', populationCount: 'Population', pageSize: 'Per page', filter: 'Filter', previous: 'Previous', next: 'Next',
  page: 'Page {p} of {n} · {m} matching', statistics: 'Statistics (IM-MEASURES-2017 第二十八条)', show: 'Show',
  shareChart: 'Share meeting the minimums (%)', hoursChart: 'Hours in total', practitioners: 'Practitioners',
  publicHours: 'Public hours', professionalHours: 'Professional hours', meetingMinimums: 'Meeting the minimums',
  share: 'Share', whatIf: 'What-if', baseline: 'Baseline',
  parameters: "Candidate: change parameters (generated from the rule set's own parameters)",
  parameterFilter: 'Filter parameters', changedParameters: 'Changed parameters', runWhatIf: 'Run',
  computing: 'Computing…', uploading: 'Uploading…', eligibleBaseline: 'Eligible under the baseline',
  eligibleCandidate: 'Eligible under the candidate', changed: 'Changed',
  differences: 'Practitioners whose outcome differs', baselineOutcome: 'Baseline outcome',
  candidateOutcome: 'Candidate outcome', noParametersChanged: 'Change at least one parameter',
  shownFirst: 'the first {n} shown', administration: 'Administration', keys: 'API keys', keyName: 'Name',
  roles: 'Roles', baseIdsList: 'Base ids (comma-separated)', jurisdictionsList: 'Jurisdictions (comma-separated)',
  regionsList: 'Regions (comma-separated)', expiresAt: 'Expires at', createKey: 'Create key',
  keyShownOnce: 'The new key is shown this once; keep it safe:', keyId: 'Key id', scopeList: 'Scope',
  notesList: 'Notes', revoke: 'Revoke', oldKeyValidUntil: 'Old key valid until', newKeyExpiresAt: 'New key valid until', rotate: 'Rotate',
  rebuilds: 'Rebuilds', startRebuild: 'Rebuild practitioner-views', noRebuild: 'No rebuild has run on this node',
  events: 'events', projections: 'Projections', refresh: 'Refresh', processor: 'Processor', position: 'Position',
  head: 'Store head', lag: 'Lag', caughtUp: 'Caught up', running: 'Running',
  sessionEnded: 'The session has ended; sign in again.', ACTIVE: 'active', EXPIRED: 'expired', WARNED: 'warned',
  SUSPENDED: 'suspended', WITHDRAWN: 'withdrawn', COMPLETED: 'completed', FAILED: 'failed', RUNNING: 'running',
  environmentKey: 'the key in the environment', replacedBy: 'replaced by {k}', revokedBecause: 'revoked because',
  chooseKey: 'Choose a key', percent: '%', publicSeries: 'Public', professionalSeries: 'Professional',
});
const SIGNALS = { zh: { PLAN_MISSING: '未备案计划', PLAN_LATE: '计划备案迟', ROSTER_LATE: '花名册迟报', OVER_CAPACITY: '超出容量',
                        HOURS_EXCEED_DAYS: '学时超过天数', DOUBLE_BOOKED: '同日参加两班' },
                  en: { PLAN_MISSING: 'plan missing', PLAN_LATE: 'plan late', ROSTER_LATE: 'roster late',
                        OVER_CAPACITY: 'over capacity', HOURS_EXCEED_DAYS: 'hours exceed days', DOUBLE_BOOKED: 'double booked' } };
for (const l of ['zh', 'en']) Object.assign(TEXT[l], SIGNALS[l]);
const OUTCOMES = ['MET', 'WAIVED', 'NOT_LIMITING', 'NOT_MET', 'NO_RULE'];
const fill = (template, values) => template.replace(/\{(\w)\}/g, (_, k) => values[k]);
const one = (n) => Number(n).toFixed(1);

function element(tag, properties, ...children) {
  const e = Object.assign(document.createElement(tag), properties ?? {});
  e.append(...children);
  return e;
}

function row(...cells) {
  return element('tr', {}, ...cells.map((c) => (c instanceof HTMLTableCellElement ? c : cell(c))));
}

function option(value, key) {
  const o = element('option', { value, textContent: key ? t(key) : value });
  if (key) o.dataset.i18n = key;
  return o;
}

/** Whatever runs long: its button disabled and a progress shown until it ends; the page stays usable. */
async function busy(buttons, progress, work) {
  buttons.forEach((b) => { b.disabled = true; });
  if (progress) progress.hidden = false;
  try { return await work(); } finally {
    buttons.forEach((b) => { b.disabled = false; });
    if (progress) progress.hidden = true;
  }
}

/** Shows what an answer says, and shows it again in the other language when the language changes. */
const views = new Map();
function shown(name, render) {
  views.set(name, render);
  render();
}
redraw.push(() => views.forEach((render) => render()));

// ---------------------------------------------------------------- charts (echarts from the ledger's webjar)
const FONT = '"Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';
function chart(box, option) {
  if (!window.echarts) return;
  let c = echarts.getInstanceByDom(box);
  if (!c) {
    c = echarts.init(box, null, { renderer: 'svg' });
    new ResizeObserver(() => c.resize()).observe(box); // follows its box: a window resized, a layout changed
  }
  c.setOption({ animation: false, textStyle: { fontFamily: FONT }, grid: { left: 48, right: 16, top: 40, bottom: 48 },
                tooltip: { trigger: 'axis' }, ...option }, true);
  c.resize();
}

let drawYears = null;
function yearsChart(years) {
  $('years-chart').hidden = !years.length; // no hours yet: the table says so, no empty chart
  drawYears = () => years.length && chart($('years-chart'), {
    legend: { top: 0 },
    xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
    yAxis: { type: 'value', name: t('hours') },
    series: [
      { name: t('publicSeries'), type: 'bar', stack: 'hours', data: years.map((y) => Number(y.public)) },
      { name: t('professionalSeries'), type: 'bar', stack: 'hours', data: years.map((y) => Number(y.professional)),
        label: { show: true, position: 'top', formatter: (p) => one(years[p.dataIndex].total) } },
    ],
  });
  drawYears();
}
redraw.push(() => { if (drawYears && !$('profile').hidden) drawYears(); });

// ---------------------------------------------------------------- auditors: search, history, changes, certifications
$('search').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('search-error').textContent = '';
  $('search-results').hidden = true;
  // a new search leaves no earlier practitioner's page below its results, to be taken for one of them
  $('profile').hidden = true;
  const q = new URLSearchParams({ [$('search-by').value]: $('search-text').value.trim() });
  try {
    const answer = await api('GET', '/api/v1/practitioners?' + q);
    $('search-results').querySelector('tbody').replaceChildren(...answer.items.map((p) => {
      const r = row(cell(link(p.practitionerId, () => open(p.practitionerId), 'link')), p.name, p.idNumber ?? '',
                    p.jurisdiction, p.region);
      r.dataset.practitioner = p.practitionerId;
      return r;
    }));
    $('search-results').hidden = false;
    if (!answer.items.length) $('search-error').textContent = t('noMatches');
  } catch (e) {
    if (e.status !== 401) $('search-error').textContent = e.message;
  }
});

/** Opens a practitioner's page, as finding it by id does. */
function open(practitionerId) {
  openView('practitioner-view');
  $('practitioner-id').value = practitionerId;
  $('find').requestSubmit();
}

const SUMMARY = ['awardId', 'conversionId', 'exemptionId', 'transferId', 'certificationId', 'correctionId', 'kind',
                 'year', 'category', 'hours', 'minutes', 'targetYear', 'outcome', 'reason'];
$('show-history').addEventListener('click', async () => {
  $('history-error').textContent = '';
  try {
    current.history = await api('GET', `/api/v1/practitioners/${current.id}/history`);
    shown('timeline', () => {
      $('timeline').replaceChildren(...current.history.map((e) => {
        const facts = SUMMARY.filter((k) => e.payload?.[k] != null).map((k) => `${k}: ${e.payload[k]}`).join(' · ');
        const item = element('li', {},
          element('time', { dateTime: e.recordedAt, textContent: e.recordedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z') }),
          element('strong', { className: 'event-type', textContent: `#${e.sequence} ${e.type}` }),
          element('span', { className: 'actor', textContent: `${t('recordedBy')}: ${e.actor.name ?? e.actor.keyId} (${e.actor.keyId})`
            + (e.actor.via ? ` via ${e.actor.via}` : '') }),
          element('span', { className: 'facts', textContent: facts }));
        item.dataset.sequence = e.sequence;
        return item;
      }));
      $('timeline').hidden = false;
    });
  } catch (e) {
    if (e.status !== 401) $('history-error').textContent = e.message;
  }
});

/** The requirements whose credited hours or met differ between two decisions, in a table. */
function changes(table, then, now) {
  const key = (r) => `${r.scope}/${r.category}`;
  const before = new Map(then.requirements.map((r) => [key(r), r]));
  const after = new Map(now.requirements.map((r) => [key(r), r]));
  const rows = [];
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(k);
    const b = after.get(k);
    if (a && b && Number(a.credited) === Number(b.credited) && a.met === b.met) continue;
    const r = row((a ?? b).scope, word((a ?? b).category), a ? one(a.credited) : '—', b ? one(b.credited) : '—',
      a ? word(a.met ? 'yes' : 'no', a.met ? 'met' : 'not-met') : cell('—'),
      b ? word(b.met ? 'yes' : 'no', b.met ? 'met' : 'not-met') : cell('—'));
    r.dataset.requirement = k;
    rows.push(r);
  }
  if (!rows.length) rows.push(element('tr', {}, word('nothingChanged')));
  table.querySelector('tbody').replaceChildren(...rows);
  table.hidden = false;
}

$('certify').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('certify-error').textContent = '';
  const body = { certificationId: $('certification-id').value.trim(), purpose: $('purpose').value,
                 level: $('level').value, year: Number($('decision-year').value), exceptional: $('exceptional').checked };
  if ($('as-of').value) body.asOf = $('as-of').value;
  try {
    const answer = await api('POST', `/api/v1/practitioners/${current.id}/certifications`, body);
    shown('certified', () => {
      $('certified').textContent = `${t('certifiedAs')} ${answer.certificationId} (${t(answer.status)}): `
        + `${t(answer.decision.outcome)} · ${answer.decision.ruleSet.id} · upToSequence ${answer.decision.upToSequence}`;
      $('certified').dataset.outcome = answer.decision.outcome;
      $('certified').hidden = false;
    });
    $('review-id').value = answer.certificationId;
  } catch (e) {
    if (e.status !== 401) $('certify-error').textContent = e.message;
  }
});

$('review').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('certify-error').textContent = '';
  try {
    const review = await api('GET', `/api/v1/practitioners/${current.id}/certifications/${encodeURIComponent($('review-id').value.trim())}`);
    shown('review', () => {
      const c = review.certification;
      $('review-verdict').textContent = `${c.certificationId}: ${t(c.outcome)} · ${review.reproduced ? t('reproduced') : t('notReproduced')}`;
      $('review-verdict').className = 'outcome ' + (review.reproduced ? 'met' : 'not-met');
      $('review-verdict').dataset.reproduced = review.reproduced;
      $('review-today').textContent = `${t('today')}: ${t(review.today.outcome)} · `
        + (review.todayAgrees ? t('todayAgrees') : t('todayDiffers') + ' ⚠')
        + (review.ruleSetUnchanged ? '' : ` · ${t('ruleSetChanged')}`) + ` · ${t('certifiedAt')} ${review.certifiedAt}`;
      $('review-today').dataset.todayAgrees = review.todayAgrees;
      $('review-since').replaceChildren(...review.since.map((f) => element('li', {
        textContent: `${t('since')}: #${f.sequence} ${f.type} ${f.id ?? ''} · ${f.recordedAt}` })));
      let table = $('review-changes');
      if (!table) {
        table = $('changes').cloneNode(true);
        table.id = 'review-changes';
        $('review-result').append(table);
      }
      if (review.todayAgrees && review.reproduced) table.hidden = true; else changes(table, review.asCertified, review.today);
      $('review-result').hidden = false;
    });
  } catch (e) {
    if (e.status !== 401) $('certify-error').textContent = e.message;
  }
});

// ---------------------------------------------------------------- supervisors: bases and their pages
$('sessions-signal').append(...Object.keys(SIGNALS.zh).map((s) => option(s, s)));

/** Every base of the jurisdiction chosen (all without one), as the API lists them, each opening its page. */
async function baseList(jurisdiction) {
  const bases = await api('GET', '/api/v1/bases' + (jurisdiction ? '?jurisdiction=' + jurisdiction : ''));
  $('base-list').replaceChildren(...bases.map((b) => {
    const item = element('li', {}, link(b.baseId, () => openBase(b.baseId), 'link'));
    item.dataset.base = b.baseId;
    item.append(` ${b.name} · ${b.jurisdiction} ${b.region} · `,
      element('span', { className: 'status', textContent: t(b.status) }),
      ` · ${b.sessions} ${t('sessionsCount')}` + (b.falsifiedSessions ? ` · ${b.falsifiedSessions} FALSIFIED` : ''));
    return item;
  }));
}

$('open-base').addEventListener('submit', (event) => {
  event.preventDefault();
  openBase($('base-id').value.trim());
});

async function openBase(baseId) {
  $('supervision-error').textContent = '';
  $('base-id').value = baseId;
  try {
    const report = await api('GET', `/api/v1/bases/${encodeURIComponent(baseId)}`);
    shown('base', () => {
      const b = report.base;
      $('base-title').textContent = `${b.name} (${b.baseId}) · ${b.level} · ${b.jurisdiction} ${b.region}`;
      $('base-status').replaceChildren(`${t('status')}: `, element('span', { className: 'status', textContent: t(b.status) }));
      $('base-status').dataset.status = b.status;
      $('base-history').querySelector('tbody').replaceChildren(...b.statusHistory.map((h) =>
        row(h.at, word(h.from), word(h.to), h.reason)));
      $('base-sessions').querySelector('tbody').replaceChildren(...report.sessions.map((s) => {
        const reasons = element('ul', { className: 'reasons' }, ...s.findings.map((f) => element('li', {},
          element('span', { className: 'signal', textContent: t(f.signal) }), ` ${f.detail} (${f.citation})`)));
        const r = row(`${s.sessionId} ${s.title ?? ''}`, `${s.startDate ?? ''} – ${s.endDate ?? ''}`, s.headcount,
                      s.findings.length ? cell(reasons) : word('none'));
        r.dataset.session = s.sessionId;
        return r;
      }));
      $('base-page').hidden = false;
    });
  } catch (e) { fail('supervision-error')(e); }
}

// ---------------------------------------------------------------- the population: listing, statistics, what-if
const ALL_LEVELS = [...LEVELS.TITLE_EVALUATION, ...LEVELS.ASSESSMENT_RECOGNITION];
$('listing-level').append(...ALL_LEVELS.map((l) => option(l)));
$('listing-outcome').append(...OUTCOMES.map((o) => option(o, o)));
let listingPage = 0;

async function listing(page) {
  $('listing-error').textContent = '';
  const q = new URLSearchParams({ page, size: $('listing-size').value });
  for (const [name, id] of [['jurisdiction', 'listing-jurisdiction'], ['region', 'listing-region'],
                            ['level', 'listing-level'], ['year', 'listing-year'], ['outcome', 'listing-outcome']]) {
    if ($(id).value.trim()) q.set(name, $(id).value.trim());
  }
  try {
    const answer = await api('GET', '/api/v1/eligibility?' + q);
    shown('listing', () => {
      listingPage = answer.page;
      $('listing').querySelector('tbody').replaceChildren(...answer.rows.map((r) => {
        const tr = row(cell(link(r.practitionerId, () => open(r.practitionerId), 'link')), r.name, `${r.jurisdiction} ${r.region}`,
          r.decision.level, r.decision.year, r.decision.ruleSet, word(r.decision.outcome, r.decision.eligible ? 'met' : 'not-met'));
        tr.dataset.practitioner = r.practitionerId;
        return tr;
      }));
      const pages = Math.max(1, Math.ceil(answer.matching / answer.size));
      $('listing-position').textContent = fill(t('page'), { p: answer.page + 1, n: pages, m: answer.matching });
      $('listing-position').dataset.page = answer.page;
      $('listing-previous').disabled = answer.page === 0;
      $('listing-next').disabled = answer.page + 1 >= pages;
      $('listing').hidden = false;
      $('listing-pages').hidden = false;
    });
  } catch (e) {
    if (e.status !== 401) $('listing-error').textContent = e.message;
  }
}
$('listing-filter').addEventListener('submit', (event) => { event.preventDefault(); listing(0); });
$('listing-previous').addEventListener('click', () => listing(listingPage - 1));
$('listing-next').addEventListener('click', () => listing(listingPage + 1));

let drawStatistics = null;
$('statistics-filter').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('statistics-error').textContent = '';
  const q = new URLSearchParams();
  for (const [name, id] of [['jurisdiction', 'statistics-jurisdiction'], ['region', 'statistics-region'], ['year', 'statistics-year']]) {
    if ($(id).value.trim()) q.set(name, $(id).value.trim());
  }
  try {
    const rows = await api('GET', '/api/v1/statistics?' + q);
    $('statistics').querySelector('tbody').replaceChildren(...rows.map((s) => {
      const r = row(`${s.jurisdiction} ${s.region}`, s.year, s.practitioners, one(s.publicHours), one(s.professionalHours),
                    s.meetingMinimums, `${(Number(s.shareMeetingMinimums) * 100).toFixed(1)}%`);
      r.dataset.key = `${s.jurisdiction}/${s.region}/${s.year}`;
      return r;
    }));
    $('statistics').hidden = false;
    $('statistics-charts').hidden = false;
    const regions = [...new Set(rows.map((s) => `${s.jurisdiction} ${s.region}`))];
    const years = [...new Set(rows.map((s) => s.year))].sort();
    const at = (region, year) => rows.find((s) => `${s.jurisdiction} ${s.region}` === region && s.year === year);
    drawStatistics = () => {
      chart($('share-chart'), {
        title: { text: t('shareChart'), textStyle: { fontSize: 14 } }, legend: { top: 0, right: 0 },
        xAxis: { type: 'category', data: regions }, yAxis: { type: 'value', max: 100 },
        series: years.map((y) => ({ name: String(y), type: 'bar', data: regions.map((r) => {
          const s = at(r, y);
          return s ? Number((Number(s.shareMeetingMinimums) * 100).toFixed(1)) : null;
        }), label: { show: true, position: 'top' } })),
      });
      const labels = rows.map((s) => `${s.region} ${s.year}`);
      chart($('hours-chart'), {
        title: { text: t('hoursChart'), textStyle: { fontSize: 14 } }, legend: { top: 0, right: 0 },
        xAxis: { type: 'category', data: labels }, yAxis: { type: 'value' },
        series: [{ name: t('publicSeries'), type: 'bar', stack: 'h', data: rows.map((s) => Number(s.publicHours)) },
                 { name: t('professionalSeries'), type: 'bar', stack: 'h', data: rows.map((s) => Number(s.professionalHours)) }],
      });
    };
    drawStatistics();
  } catch (e) {
    if (e.status !== 401) $('statistics-error').textContent = e.message;
  }
});
redraw.push(() => { if (drawStatistics && !$('statistics-charts').hidden) drawStatistics(); });

// what-if: the candidate's form is generated from the baseline rule set's own parameters
let parameters = [];
function whatIfLevels() {
  $('what-if-level').replaceChildren(...LEVELS[$('what-if-purpose').value].map((l) => option(l)));
}
$('what-if-purpose').addEventListener('change', whatIfLevels);
whatIfLevels();
$('what-if-level').value = 'INTERMEDIATE';
$('what-if-year').value = new Date().getFullYear();

async function loadRuleSets() {
  if ($('what-if-baseline').options.length) return;
  const sets = await api('GET', '/api/v1/rule-sets');
  $('what-if-baseline').replaceChildren(...sets.map((r) => element('option', { value: r.id, textContent: `${r.id} · ${r.title}` })));
  const latest = sets.filter((r) => r.jurisdiction === 'IM').map((r) => r.id).sort().pop();
  if (latest) $('what-if-baseline').value = latest;
  await loadParameters();
}

function valueText(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

async function loadParameters() {
  const ruleSet = await api('GET', `/api/v1/rule-sets/${encodeURIComponent($('what-if-baseline').value)}`);
  parameters = ruleSet.parameters;
  const groups = new Map();
  parameters.forEach((p, index) => {
    const group = p.path.split('.')[0];
    if (!groups.has(group)) groups.set(group, []);
    const id = `parameter-${index}`;
    let input;
    if (typeof p.value === 'boolean') {
      input = element('select', { id }, option('true'), option('false'));
      input.value = String(p.value);
    } else {
      input = element('input', { id, value: valueText(p.value), type: typeof p.value === 'number' ? 'number' : 'text' });
      if (typeof p.value === 'number') input.step = 'any';
    }
    input.dataset.path = p.path;
    input.dataset.original = typeof p.value === 'boolean' ? String(p.value) : valueText(p.value);
    input.addEventListener('input', changedParameters);
    input.addEventListener('change', changedParameters);
    const line = element('div', { className: 'parameter' }, element('label', { htmlFor: id, textContent: p.path }), input,
      element('small', { textContent: p.citation ?? '' }));
    line.dataset.path = p.path;
    groups.get(group).push(line);
  });
  $('parameter-groups').replaceChildren(...[...groups].map(([group, lines]) =>
    element('details', {}, element('summary', { textContent: `${group} (${lines.length})` }), ...lines)));
  changedParameters();
}
$('what-if-baseline').addEventListener('change', () => loadParameters().catch(fail('what-if-error')));

$('parameter-filter').addEventListener('input', () => {
  const text = $('parameter-filter').value.trim().toLowerCase();
  document.querySelectorAll('#parameter-groups details').forEach((d) => {
    let any = false;
    d.querySelectorAll('.parameter').forEach((line) => {
      line.hidden = !!text && !line.dataset.path.toLowerCase().includes(text);
      any ||= !line.hidden;
    });
    d.hidden = !any;
    d.open = !!text && any;
  });
});

/** The parameters whose value differs from the rule set's, as the what-if request names them. */
function changedParameters() {
  const changed = {};
  document.querySelectorAll('#parameter-groups [data-path]:is(input, select)').forEach((input) => {
    if (input.value === input.dataset.original) return;
    const original = parameters.find((p) => p.path === input.dataset.path).value;
    let value = input.value;
    if (typeof original === 'number') value = Number(value);
    else if (typeof original === 'boolean') value = value === 'true';
    else if (typeof original !== 'string') { try { value = JSON.parse(value); } catch (notJson) { /* sent as text */ } }
    changed[input.dataset.path] = value;
    input.classList.add('changed');
  });
  document.querySelectorAll('#parameter-groups .changed').forEach((input) => {
    if (!(input.dataset.path in changed)) input.classList.remove('changed');
  });
  $('changed-parameters').textContent = Object.keys(changed).length
    ? `${t('changedParameters')}: ${Object.entries(changed).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ')}` : '';
  return changed;
}

$('what-if').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('what-if-error').textContent = '';
  const changed = changedParameters();
  if (!Object.keys(changed).length) { $('what-if-error').textContent = t('noParametersChanged'); return; }
  const baseline = $('what-if-baseline').value;
  const body = { purpose: $('what-if-purpose').value, level: $('what-if-level').value, year: Number($('what-if-year').value),
                 baseline, candidate: { base: baseline, parameters: changed } };
  if ($('what-if-jurisdiction').value) body.jurisdiction = $('what-if-jurisdiction').value;
  if ($('what-if-region').value.trim()) body.region = $('what-if-region').value.trim();
  const started = performance.now();
  const clock = setInterval(() => { $('what-if-elapsed').textContent = `${((performance.now() - started) / 1000).toFixed(1)} s`; }, 100);
  $('what-if').setAttribute('aria-busy', 'true');
  try {
    const result = await busy([$('what-if-run')], $('what-if-progress'), () => api('POST', '/api/v1/what-if', body));
    $('what-if-population').textContent = result.population;
    $('what-if-baseline-count').textContent = result.eligibleUnderBaseline;
    $('what-if-candidate-count').textContent = result.eligibleUnderCandidate;
    $('what-if-changed').textContent = result.changed;
    const limit = 500;
    const rows = result.differences.slice(0, limit).map((d) => {
      const r = row(cell(link(d.practitionerId, () => open(d.practitionerId), 'link')),
        word(d.baseline.outcome, d.baseline.eligible ? 'met' : 'not-met'),
        word(d.candidate.outcome, d.candidate.eligible ? 'met' : 'not-met'));
      r.dataset.practitioner = d.practitionerId;
      return r;
    });
    if (result.differences.length > limit) rows.push(element('tr', {}, cell(fill(t('shownFirst'), { n: limit }))));
    $('what-if-differences').querySelector('tbody').replaceChildren(...rows);
    $('what-if-result').hidden = false;
  } catch (e) {
    if (e.status !== 401) $('what-if-error').textContent = e.message;
  } finally {
    clearInterval(clock);
    $('what-if').removeAttribute('aria-busy');
  }
});

// ---------------------------------------------------------------- administrators: keys, rebuilds, projections
const list = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);
const instant = (local) => (local ? new Date(local).toISOString() : undefined);

async function loadKeys() {
  $('keys-error').textContent = '';
  try {
    const answer = await api('GET', '/api/v1/api-keys');
    shown('keys', () => {
      const chosen = $('action-key').value;
      $('keys').querySelector('tbody').replaceChildren(...answer.keys.map((k) => {
        const notes = [];
        if (k.environment) notes.push(t('environmentKey'));
        if (k.expiresAt) notes.push(`${t('expiresAt')} ${k.expiresAt}`);
        if (k.revocationReason) notes.push(`${t('revokedBecause')}: ${k.revocationReason}`);
        if (k.replacedBy) notes.push(fill(t('replacedBy'), { k: k.replacedBy }));
        const r = row(k.keyId, k.name, k.roles.join(', '), [...k.baseIds, ...k.jurisdictions, ...k.regions].join(', '),
          word(k.status, k.status === 'ACTIVE' ? 'met' : 'not-met'), notes.join(' · '));
        r.dataset.key = k.keyId;
        return r;
      }));
      const choosable = answer.keys.filter((k) => k.status === 'ACTIVE' && !k.environment);
      $('action-key').replaceChildren(option('', 'chooseKey'), ...choosable.map((k) =>
        element('option', { value: k.keyId, textContent: `${k.keyId} · ${k.name}` })));
      $('action-key').value = chosen;
      if ($('action-key').selectedIndex < 0) $('action-key').selectedIndex = 0;
    });
  } catch (e) {
    if (e.status !== 401) $('keys-error').textContent = e.message;
  }
}

$('new-key').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('keys-error').textContent = '';
  const body = { name: $('key-name').value.trim(),
                 roles: [...document.querySelectorAll('#new-key input[name=role]:checked')].map((c) => c.value) };
  for (const [name, id] of [['baseIds', 'key-bases'], ['jurisdictions', 'key-jurisdictions'], ['regions', 'key-regions']]) {
    if (list($(id).value).length) body[name] = list($(id).value);
  }
  if ($('key-expires').value) body.expiresAt = instant($('key-expires').value);
  try {
    issued(await api('POST', '/api/v1/api-keys', body));
    await loadKeys();
  } catch (e) {
    if (e.status !== 401) $('keys-error').textContent = e.message;
  }
});

function issued(answer) {
  $('issued-key-value').textContent = answer.key;
  $('issued-key').dataset.keyId = answer.keyId;
  $('issued-key').hidden = false;
}

$('revoke-key').addEventListener('click', async () => {
  $('keys-error').textContent = '';
  const keyId = $('action-key').value;
  if (!keyId) { $('keys-error').textContent = t('chooseKey'); return; }
  try {
    await api('POST', `/api/v1/api-keys/${encodeURIComponent(keyId)}/revocations`, { reason: $('revocation-reason').value.trim() || null });
    await loadKeys(); // the console's own key revoked: this answers 401 and the page shows it is signed out
  } catch (e) {
    if (e.status !== 401) $('keys-error').textContent = e.message;
  }
});

$('rotate-key').addEventListener('click', async () => {
  $('keys-error').textContent = '';
  const keyId = $('action-key').value;
  if (!keyId) { $('keys-error').textContent = t('chooseKey'); return; }
  try {
    const rotation = { oldKeyValidUntil: instant($('old-valid-until').value) ?? new Date().toISOString() };
    const expiresAt = instant($('new-key-expires').value);
    if (expiresAt) rotation.expiresAt = expiresAt;
    issued(await api('POST', `/api/v1/api-keys/${encodeURIComponent(keyId)}/rotations`, rotation));
    await loadKeys();
  } catch (e) {
    if (e.status !== 401) $('keys-error').textContent = e.message;
  }
});

function rebuildShown(status) {
  shown('rebuild', () => rebuildState(status));
}

function rebuildState(status) {
  $('rebuild-progress').max = Math.max(1, status.eventsTotal);
  $('rebuild-progress').value = status.eventsDone;
  $('rebuild-progress').hidden = false;
  $('rebuild-state').textContent = `${t(status.state)} · ${status.eventsDone} / ${status.eventsTotal} ${t('events')}`
    + (status.problem ? ` · ${status.problem}` : '');
  $('rebuild-state').dataset.state = status.state;
}

async function followRebuild() {
  for (;;) {
    const status = await api('GET', '/api/v1/admin/rebuilds/current');
    rebuildShown(status);
    if (status.state !== 'RUNNING') return status;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

$('rebuild').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('rebuild-error').textContent = '';
  try {
    await busy([$('start-rebuild')], null, async () => {
      rebuildShown(await api('POST', '/api/v1/admin/rebuilds', { projection: 'practitioner-views' }));
      await followRebuild();
    });
    await loadProjections();
  } catch (e) {
    if (e.status !== 401) $('rebuild-error').textContent = e.message;
  }
});

async function loadRebuild() {
  try {
    const status = await api('GET', '/api/v1/admin/rebuilds/current');
    rebuildShown(status);
    if (status.state === 'RUNNING') await busy([$('start-rebuild')], null, followRebuild);
  } catch (e) {
    if (e.status === 404) shown('rebuild', () => { $('rebuild-state').textContent = t('noRebuild'); });
    else if (e.status !== 401) $('rebuild-error').textContent = e.message;
  }
}

async function loadProjections() {
  $('projections-error').textContent = '';
  try {
    const health = await api('GET', '/actuator/health');
    const details = health.components?.projections?.details ?? {};
    $('projections').querySelector('tbody').replaceChildren(...Object.entries(details).map(([name, p]) => {
      const r = row(name, p.position, p.head, p.lag, word(p.caughtUp ? 'yes' : 'no', p.caughtUp ? 'met' : 'not-met'),
                    word(p.running ? 'yes' : 'no', p.running ? 'met' : 'not-met'));
      r.dataset.processor = name;
      return r;
    }));
  } catch (e) {
    if (e.status !== 401) $('projections-error').textContent = e.message;
  }
}
$('refresh-projections').addEventListener('click', loadProjections);

// each view loads what it shows when it is opened
const onOpen = {
  'population-view': () => { if (!$('what-if-part').hidden) loadRuleSets().catch(fail('what-if-error')); },
  'admin-view': () => { loadKeys(); loadRebuild(); loadProjections(); },
};

api('GET', '/console/session').then(show, () => show(null));
