// The console calls the ledger's own API with its session cookie: the same rules as any client.
const TEXT = {
  zh: { title: '继续教育学时台账', signIn: '登录', apiKey: 'API 密钥', signInButton: '登录', signOut: '退出',
        practitioner: '专业技术人员', practitionerId: '人员编号', find: '查询', name: '姓名', jurisdiction: '省区',
        region: '地区', titleLevel: '职称级别', years: '年度学时', year: '年度', public: '公需科目',
        professional: '专业科目', total: '合计', status: '状态', ruleSet: '规则', MET: '达标', NOT_MET: '未达标',
        language: 'English', signedInAs: '已登录：' },
  en: { title: 'Continuing-education ledger', signIn: 'Sign in', apiKey: 'API key', signInButton: 'Sign in',
        signOut: 'Sign out', practitioner: 'Practitioner', practitionerId: 'Practitioner id', find: 'Find',
        name: 'Name', jurisdiction: 'Jurisdiction', region: 'Region', titleLevel: 'Title level', years: 'Hours by year',
        year: 'Year', public: 'Public', professional: 'Professional', total: 'Total', status: 'Status',
        ruleSet: 'Rule set', MET: 'met', NOT_MET: 'not met', language: '中文', signedInAs: 'Signed in: ' },
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

api('GET', '/console/session').then(show, () => show(null));
