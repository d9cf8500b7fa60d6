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

function openView(viewId) {
  document.querySelectorAll('section.view').forEach((v) => { v.hidden = v.id !== viewId; });
  document.querySelectorAll('#views button').forEach((b) => b.setAttribute('aria-current', b.dataset.view === viewId));
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
    if (allowed.length) openView(allowed[0].dataset.view);
    if (signedIn.bases.length) $('roster-base').value = signedIn.bases[0];
  }
  $('sign-out').hidden = !signedIn;
  $('who').hidden = !signedIn;
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
      row.append(word(y.status, y.status === 'MET' ? 'met' : 'not-met'), cell(y.ruleSet.id));
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

document.querySelectorAll('#views button').forEach((b) => b.addEventListener('click', () => openView(b.dataset.view)));

// ---------------------------------------------------------------- supervisors
$('sessions-year').value = new Date().getFullYear();
$('inspection-date').value = new Date().toISOString().slice(0, 10);
let lastSample = null;

function fail(box) {
  return (e) => {
    if (e.status === 401) { show(null); return; }
    $(box).textContent = e.message;
  };
}

async function listSessions() {
  const q = new URLSearchParams({ year: $('sessions-year').value });
  if ($('sessions-jurisdiction').value) q.set('jurisdiction', $('sessions-jurisdiction').value);
  const sessions = await api('GET', '/api/v1/supervision/sessions?' + q);
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
  const response = await fetch(path, { method: 'POST', headers, body: await file.arrayBuffer(), credentials: 'same-origin' });
  const answer = await response.json();
  if (!response.ok) { $('roster-error').textContent = answer.detail; return; }
  $('roster-summary').textContent = `${t('accepted')}: ${answer.accepted} · ${t('rejected')}: ${answer.rejected}`;
  $('roster-rows').querySelector('tbody').replaceChildren(...answer.rows.map((r) => {
    const row = document.createElement('tr');
    row.dataset.row = r.row;
    row.append(cell(r.row), cell(r.practitionerId), cell(r.status, r.status === 'ACCEPTED' || r.status === 'DUPLICATE' ? 'met' : 'not-met'),
               cell(r.field), cell(r.message));
    return row;
  }));
});

api('GET', '/console/session').then(show, () => show(null));
