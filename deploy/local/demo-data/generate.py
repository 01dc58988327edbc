"""Extends deploy/local/demo-data/lishui.json reproducibly (seed 20261126): more groups, members, households,
and a synthetic ID-card number (region 440605, Nanhai district; valid check digit; consistent with the birth date and
gender) and mobile number for every member. Synthetic names and numbers only; re-running changes nothing."""
import json, random
from datetime import date, timedelta
from pathlib import Path

p = Path(__file__).with_name('lishui.json')  # extends the hand-written entries in place
d = json.loads(p.read_text(encoding='utf-8'))
rng = random.Random(20261126)
orgs = {o['key'] for o in d['organisations']}
members = {m['idempotencyKey'] for m in d['members']}

def org(key, name, kind, parent, coop=None):
    if key in orgs: return
    o = {'key': key, 'name': name, 'kind': kind, 'parent': parent}
    if coop: o['economicCooperative'] = coop
    d['organisations'].append(o); orgs.add(key)

groups = [('gaobian', '高边'), ('cengang', '岑岗'), ('tangbian', '塘边'), ('xincun', '新村'), ('datian', '大田'), ('shigang', '石岗')]
for key, name in groups:
    org(f'demo-org-{key}', f'{name}党群小组', 'PartyMassGroup', 'demo-org-hefeng-branch', f'{name}经济社')
villages = [('zhoucun', '洲村', [('zhoucun-dongfang', '东方'), ('zhoucun-xiba', '西坝')]),
            ('hengjiang', '横江村', [('hengjiang-nanan', '南岸'), ('hengjiang-beijiao', '北滘')])]
for key, name, vgroups in villages:
    org(f'demo-org-{key}', f'{name}党委', 'PartyCommittee', 'demo-org-town')
    org(f'demo-org-{key}-branch', f'{name}党支部', 'Branch', f'demo-org-{key}')
    for gkey, gname in vgroups:
        org(f'demo-org-{gkey}', f'{gname}党群小组', 'PartyMassGroup', f'demo-org-{key}-branch', f'{gname}经济社')

surnames = '陈李黄梁何罗冯吴周郑谭邓潘麦区关伍卢欧阳杜蔡'.replace('欧阳', '')
given_m = ['伟', '强', '志明', '国华', '家豪', '建新', '文辉', '永康', '俊杰', '锦荣', '振东', '耀祖', '汉明', '德华', '卓然']
given_f = ['秀英', '丽华', '美玲', '嘉欣', '晓燕', '婉婷', '玉兰', '翠屏', '少芬', '惠珍', '紫琳', '雅雯', '敏仪', '彩霞']
today = date(2026, 11, 1)

def person():
    male = rng.random() < 0.62
    name = rng.choice(surnames) + rng.choice(given_m if male else given_f)
    age = rng.choice([rng.randint(24, 40), rng.randint(35, 59), rng.randint(60, 82)])
    birth = date(today.year - age, rng.randint(1, 12), rng.randint(1, 28))
    earliest = date(birth.year + 18, birth.month, birth.day) + timedelta(days=rng.randint(1, 3000))
    probationary = rng.random() < 0.08
    if probationary:
        joined = today - timedelta(days=rng.randint(30, 330))
        if joined < earliest:
            joined = earliest
        full = None
    else:
        joined = min(earliest + timedelta(days=rng.randint(0, 365 * max(1, age - 24))), today - timedelta(days=400))
        if joined < earliest:
            joined = earliest
        full = joined + timedelta(days=365)
    m = {'name': name, 'gender': 'Male' if male else 'Female', 'birthDate': birth.isoformat(), 'joinedOn': joined.isoformat()}
    if full: m['fullMemberOn'] = full.isoformat()
    return m

def add_members(prefix, organisation, count, start=1):
    for i in range(start, start + count):
        key = f'{prefix}-{i:03d}'
        if key in members: continue
        m = {'idempotencyKey': key, **person(), 'organisation': organisation}
        d['members'].append(m); members.add(key)

# Hefeng: 10 on the branch roll already + 76 over its six party–mass groups = 86.
counts = {'gaobian': 16, 'cengang': 14, 'tangbian': 12, 'xincun': 12, 'datian': 11, 'shigang': 11}
for key, n in counts.items():
    add_members(f'demo-hefeng-{key}', f'demo-org-{key}', n)
add_members('demo-pbo', 'demo-org-pbo', 10)
for key, _, vgroups in villages:
    add_members(f'demo-{key}', f'demo-org-{key}-branch', 4)
    for gkey, _ in vgroups:
        add_members(f'demo-{gkey}', f'demo-org-{gkey}', 3)

# ID numbers and phones: every member's from a generator seeded with the fixed seed and its own key, so the
# numbers do not depend on the order of entries and re-running gives the same ones.
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

def check_character(first17):
    return '10X98765432'[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]

used_ids = set()
for m in d['members']:
    r = random.Random(f"20261126:{m['idempotencyKey']}")
    birth = m['birthDate'].replace('-', '')
    while True:
        seq = r.randint(0, 499) * 2 + (1 if m['gender'] == 'Male' else 0)  # 17th digit: odd for men, even for women
        first17 = f'440605{birth}{seq:03d}'
        if first17 not in used_ids:
            break
    used_ids.add(first17)
    m['idNumber'] = first17 + check_character(first17)
    m['phone'] = r.choice(['135', '136', '137', '138', '139', '150', '159', '186', '188']) + f'{r.randint(0, 99_999_999):08d}'

streets = ['东街', '西街', '南巷', '北巷', '大街', '新村路', '基围路', '祠堂巷']
households = d.setdefault('households', [])
hkeys = {h['key'] for h in households}
hh = {'gaobian': ('高边', 48), 'cengang': ('岑岗', 36), 'tangbian': ('塘边', 12), 'xincun': ('新村', 12), 'datian': ('大田', 12), 'shigang': ('石岗', 12)}
for key, (name, n) in hh.items():
    for i in range(1, n + 1):
        k = f'demo-household-{key}-{i:03d}'
        if k in hkeys: continue
        male = rng.random() < 0.8
        households.append({'key': k, 'organisation': f'demo-org-{key}',
                           'headName': rng.choice(surnames) + rng.choice(given_m if male else given_f),
                           'address': f'{name}经济社{rng.choice(streets)}{rng.randint(1, 60)}号',
                           'membersCount': rng.randint(1, 7)})
        hkeys.add(k)

# Sectors (the article's 村/社区, 机关 ...): set on the village committees and the organ branch; branches and
# groups below a village take the village's.
sectors = {'demo-org-hefeng': 'Village', 'demo-org-zhoucun': 'Village', 'demo-org-hengjiang': 'Village', 'demo-org-pbo': 'Organ'}
for o in d['organisations']:
    if o['key'] in sectors:
        o['sector'] = sectors[o['key']]

# Offices, assigned through POST /members/{id}/roles: 'organisation' is where the office is held when it is not
# the member's own (a branch member on the village committee; the stationed leader's village). Full members only.
roles = d.setdefault('roles', [])
rkeys = {r['key'] for r in roles}

def role(key, member, name, organisation=None, decided_by='鹤峰村党员大会选举', assigned_on='2024-01-08'):
    if key in rkeys: return
    r = {'key': key, 'member': member, 'role': name, 'assignedOn': assigned_on, 'decidedBy': decided_by}
    if organisation: r['organisation'] = organisation
    roles.append(r); rkeys.add(key)

role('demo-role-hefeng-secretary', 'demo-hefeng-001', 'Secretary', 'demo-org-hefeng')
role('demo-role-hefeng-deputy', 'demo-hefeng-002', 'DeputySecretary', 'demo-org-hefeng')
role('demo-role-hefeng-committee-1', 'demo-hefeng-003', 'CommitteeMember', 'demo-org-hefeng')
role('demo-role-hefeng-committee-2', 'demo-hefeng-005', 'CommitteeMember', 'demo-org-hefeng')
role('demo-role-hefeng-branch-secretary', 'demo-hefeng-004', 'Secretary', decided_by='鹤峰村党支部党员大会选举')
for gkey, leader in [('gaobian', 'demo-hefeng-gaobian-002'), ('cengang', 'demo-hefeng-cengang-004'), ('tangbian', 'demo-hefeng-tangbian-001'),
                     ('xincun', 'demo-hefeng-xincun-001'), ('datian', 'demo-hefeng-datian-002'), ('shigang', 'demo-hefeng-shigang-001')]:
    role(f'demo-role-{gkey}-leader', leader, 'GroupLeader', decided_by='鹤峰村党委')
role('demo-role-pbo-secretary', 'demo-pbo-006', 'Secretary', decided_by='党建工作办党支部党员大会选举')
role('demo-role-stationed-leader', 'demo-pbo-004', 'StationedLeader', 'demo-org-hefeng', decided_by='里水镇党委', assigned_on='2025-03-03')
for key, name in [('zhoucun', '洲村'), ('hengjiang', '横江村')]:
    committee, branch = {'zhoucun': ('demo-zhoucun-004', 'demo-zhoucun-002'), 'hengjiang': ('demo-hengjiang-002', 'demo-hengjiang-004')}[key]
    role(f'demo-role-{key}-secretary', committee, 'Secretary', f'demo-org-{key}', decided_by=f'{name}党员大会选举')
    role(f'demo-role-{key}-branch-secretary', branch, 'Secretary', decided_by=f'{name}党支部党员大会选举')

d['description'] = ("Demo data loaded by deploy/local/seed-demo.sh through the public API, so the events reach every service. "
    "Organisations are created top-down, then members, then households; 'parent' and 'organisation' refer to another entry's key. "
    "Each key is sent as the Idempotency-Key, so seeding again creates nothing. Names, dates and addresses are synthetic, "
    "generated from random seed 20261126 (ID numbers: region 440605, check digit valid, birth date and gender consistent): Hefeng has 86 members (10 on the branch roll, 76 over six party–mass groups), "
    "the Party Building Office branch 10, Gaobian 48 households. "
    "Village committees are of the Village sector (their branches and groups follow), the Party Building Office branch of the Organ sector; "
    "'roles' are offices assigned after the roll is loaded (secretaries, committee members, group leaders, the stationed leader).")
p.write_text(json.dumps(d, ensure_ascii=False, indent=2) + '\n', encoding='utf-8')
print(len(d['organisations']), len(d['members']), len(households))
