#!/usr/bin/env python3
"""Browser checks for CI: a real `jixiao serve` on a fresh SQLite file, driven by headless Chromium
through the DevTools protocol. Signs in with the printed one-time password, changes it, looks at the
sign-in page and the organization tree (Chinese text, no error, readable at 1366x768 and 390 px wide,
keyboard reachable), tries wrong input, and saves screenshots and DOM to the output folder.
Prints 'e2e: N passed, M failed' as its last line."""
import argparse, base64, json, os, re, socket, subprocess, sys, time, urllib.error, urllib.parse, urllib.request

import websocket

CHECKS = []
# The year whose budgets the demo's goals prepare: next year, as the server counts it (UTC).
PREPARING = time.gmtime().tm_year + 1


def check(name, condition, detail=""):
    CHECKS.append((name, bool(condition)))
    print(f"  {'ok  ' if condition else 'FAIL'} {name}" + (f" — {detail}" if detail and not condition else ""))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return True
        except Exception:
            time.sleep(0.3)
    return False


class Page:
    """The smallest DevTools client: one page. Every wait has an overall deadline and, when it passes, raises an error
    that names what it waited for; the socket itself only ever waits a few seconds at a time, so a slow machine makes a
    check slower, never wrong."""

    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=5, suppress_origin=True)
        self.next_id = 0
        self.events = []

    def _receive(self, deadline, what):
        while True:
            if time.time() > deadline:
                raise TimeoutError(f"no {what} before the deadline")
            try:
                return json.loads(self.ws.recv())
            except websocket.WebSocketTimeoutException:
                continue

    def call(self, method, timeout=180, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        deadline = time.time() + timeout
        while True:
            message = self._receive(deadline, f"answer to {method} within {timeout} s")
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message["method"])

    def wait_event(self, name, timeout, what):
        deadline = time.time() + timeout
        while name not in self.events:
            message = self._receive(deadline, f"{what} ({name}) within {timeout} s")
            if "method" in message:
                self.events.append(message["method"])
        self.events.remove(name)

    def eval(self, expression, timeout=180):
        result = self.call("Runtime.evaluate", timeout=timeout, expression=expression, returnByValue=True, awaitPromise=True)
        return result.get("result", {}).get("value")

    def load(self, action, what, timeout=300):
        """Runs `action` (a navigation, a click, a submit) and waits for the page it leads to to finish loading."""
        self.events.clear()
        action()
        self.wait_event("Page.loadEventFired", timeout, what)

    def goto(self, url, timeout=300):
        self.load(lambda: self.call("Page.navigate", url=url), f"{url} to load", timeout)

    def click(self, selector, timeout=300):
        self.load(lambda: self.eval("document.querySelector(%s).click()" % json.dumps(selector)), f"the page after clicking {selector}", timeout)

    def submit(self, form_selector, fields, timeout=300):
        script = "(() => { const f = document.querySelector(%s);" % json.dumps(form_selector)
        for name, value in fields.items():
            script += ("{ const e = f.querySelector('[name=%s]'); if (e.type === 'checkbox') { e.checked = %s; } else { e.value = %s; } }"
                       % (json.dumps(name), "true" if value else "false", json.dumps(value)))
        script += "f.submit(); })()"
        self.load(lambda: self.eval(script), f"the page after submitting {form_selector}", timeout)

    def text(self):
        return self.eval("document.body.innerText") or ""

    def save(self, out, name):
        shot = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=False)
        with open(os.path.join(out, f"{name}.png"), "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        with open(os.path.join(out, f"{name}.html"), "w", encoding="utf-8") as f:
            f.write(self.eval("document.documentElement.outerHTML") or "")

    def viewport(self, width, height, mobile=False):
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=mobile)


def declare_goal_and_see_findings(page, base, args):
    """A unit's accountant opens a project, writes a vague indicator and no satisfaction indicator,
    and the linter says so beside the row; a wrong amount is refused next to its field."""
    page.click("form[action='/signout'] button")
    page.goto(base + "/signin")
    page.submit("form[action='/signin']", {"username": "unit-officer", "password": "Demo2026jixiao"})
    page.goto(base + "/goals/new")
    page.submit("form[action='/goals/new']", {"code": "E2E-001", "name": "浏览器检查项目", "requested": "12万"})
    check("a wrong amount is explained next to its field", "万元为单位" in page.text() and
          page.eval("document.querySelectorAll('.field.has-error').length") >= 1)
    page.submit("form[action='/goals/new']", {"code": "E2E-001", "name": "浏览器检查项目", "requested": "120", "service_project": "1"})
    check("a new project opens on its goal page", "/goals/" in page.eval("location.pathname") and "草稿" in page.text(), page.text()[:200])
    page.load(lambda: page.eval("""(() => {
        const f = document.querySelector('form.goal-editor');
        f.querySelector('[name=annual_goal]').value = '培养乡村教师，提高教学质量。';
        const rows = [['quantity', '公费师范生培养人数', '≥600人', '60'], ['social_benefit', '提高教学质量', '明显提升', '40']];
        rows.forEach((r, i) => {
            f.querySelector(`[name="rows[${i}][subcategory]"]`).value = r[0];
            f.querySelector(`[name="rows[${i}][name]"]`).value = r[1];
            f.querySelector(`[name="rows[${i}][target]"]`).value = r[2];
            f.querySelector(`[name="rows[${i}][weight]"]`).value = r[3];
        });
        f.submit();
    })()"""), "the goal page after saving the indicators")
    text = page.text()
    check("the linter flags the vague indicator beside its row", "表述笼统" in text and
          page.eval("document.querySelectorAll('table.editor ul.row-findings li').length") >= 1, text[:400])
    check("the linter notes the missing satisfaction indicator", "服务类项目应设置服务对象满意度指标" in text)
    page.save(args.out, "goal-findings")
    page.click("form[action$='/transition'] button")
    check("findings do not block submission", "单位已提交" in page.text(), page.text()[:300])


HOSTILE = 'x"\'><i data-pwned=1>&amp;<meta http-equiv="refresh" content="0;url=https://evil.example/">'


def hostile_names_stay_text(page, base, args):
    """A unit officer names a project to break out of the page's attributes; every page that shows it keeps it text."""
    page.goto(base + "/goals/new")
    page.submit("form[action='/goals/new']", {"code": "E2E-XSS", "name": "项目" + HOSTILE, "requested": "10"})
    goal_path = page.eval("location.pathname") or ""
    for path in [goal_path, goal_path + "/print", "/goals?q=" + urllib.parse.quote(HOSTILE), "/library?q=" + urllib.parse.quote(HOSTILE)]:
        page.goto(base + path)
        intact = page.eval("""document.querySelector('[data-pwned]') === null
            && document.querySelectorAll('meta[http-equiv]').length === 0 && location.host === %s""" % json.dumps(base.split("//")[1]))
        check(f"a hostile name stays text on {path.split('?')[0]}", intact, page.text()[:200])
    page.goto(base + goal_path)
    check("the hostile name reads exactly as typed", HOSTILE in (page.eval("document.querySelector('h1').textContent") or ""))


def goal_list_reads_on_a_phone(page, base, args):
    """On a 390-px phone the goal list keeps names and badges whole (the table scrolls in its box); at 1366 px codes
    stay on one line."""
    page.goto(base + f"/goals?all=1&year={PREPARING}")
    one_line_codes = page.eval("Array.from(document.querySelectorAll('table.data .code')).every(e => e.getClientRects().length === 1)")
    check("codes stay on one line at 1366 px", one_line_codes)
    page.viewport(390, 844, mobile=True)
    page.goto(base + f"/goals?all=1&year={PREPARING}")
    narrowest = page.eval("Math.min(...Array.from(document.querySelectorAll('table.data tbody td:nth-child(2)')).map(e => e.getBoundingClientRect().width), 9999)")
    page_width = page.eval("document.documentElement.scrollWidth")
    check("on a 390-px phone names keep their width and only the table scrolls", narrowest is not None and narrowest >= 120 and page_width <= 390,
          f"narrowest name cell {narrowest}px, page {page_width}px")
    page.save(args.out, "goals-390")
    page.viewport(1366, 768)


def open_redirects_are_refused(page, base, args):
    """Sign-in follows `next` only to this site, however a browser would rewrite it."""
    page.click("form[action='/signout'] button")
    for target in ["/%09/evil.example/", "//evil.example/", "/%5Cevil.example/", "https://evil.example/"]:
        page.goto(base + "/signin?next=" + target)
        page.submit("form[action='/signin']", {"username": "unit-officer", "password": "Demo2026jixiao"})
        check(f"sign-in with next={target} stays on this site", page.eval("location.host") == base.split("//")[1], page.eval("location.href"))
        page.click("form[action='/signout'] button")
    page.goto(base + "/signin")
    page.submit("form[action='/signin']", {"username": "unit-officer", "password": "Demo2026jixiao"})


def peak_memory_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        fields = dict(line.split(":", 1) for line in f if ":" in line)
    return int(fields["VmHWM"].split()[0]), int(fields["VmRSS"].split()[0])


def xlsx_bombs_are_refused_in_little_memory(base, args, server_pid):
    """Workbooks of a few kilobytes that unpack to gigabytes are refused, and the server's peak memory grows by less
    than 100 MB while it refuses them."""
    import io, zipfile
    def workbook(shared, sheet_rows):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
            z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
            z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
            if shared is not None:
                z.writestr("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
                           + shared + "</t></si></sst>")
            z.writestr("xl/worksheets/sheet1.xml", '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                       + sheet_rows + "</sheetData></worksheet>")
        return buffer.getvalue()
    bombs = {
        "one 9 MB shared string referenced by every cell": workbook("A" * (9 * 1024 * 1024), '<row><c t="s"><v>0</v></c></row>' * 50000),
        "seven million tiny rows": workbook(None, "<row><c><v>1</v></c></row>" * 7000000),
    }
    status, body = http_json("POST", base + "/api/v1/tokens", {"username": "unit-officer", "password": "Demo2026jixiao"})
    token = json.loads(body).get("token", "") if status == 201 else ""
    for name, data in bombs.items():
        try:
            with open(f"/proc/{server_pid}/clear_refs", "w") as f:
                f.write("5")   # the peak starts again from what the server holds now
        except OSError:
            pass
        _, before = peak_memory_kib(server_pid)
        started = time.time()
        request = urllib.request.Request(base + "/api/v1/goals/import", data=data, method="POST",
                                         headers={"Authorization": "Bearer " + token, "Content-Type": "application/octet-stream"})
        try:
            with urllib.request.urlopen(request, timeout=300) as response:
                status, answer = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, answer = error.code, error.read().decode()
        peak, _ = peak_memory_kib(server_pid)
        grown = (peak - before) // 1024
        check(f"a {len(data) // 1024} KB workbook with {name} is refused with the limit named", status == 422 and "xlsx_limit_exceeded" in answer,
              f"{status} {answer[:300]}")
        check(f"refusing it grows the server's peak memory by under 100 MB (grew {grown} MB in {time.time() - started:.1f} s)", grown < 100)


def http_json(method, url, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}, **{"Content-Type": "application/json"}))
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def audit_officer_reads_the_trail(page, base, args):
    """The audit officer, and only that role, reads the trail: sign-ins with names, not codes."""
    page.click("form[action='/signout'] button")
    page.goto(base + "/signin")
    page.submit("form[action='/signin']", {"username": "audit-officer", "password": "Demo2026jixiao"})
    page.goto(base + "/audit")
    text = page.text()
    check("the audit officer reads sign-ins in the trail", "登录失败" in text and "登录成功" in text, text[:300])
    check("the trail shows Beijing time", "北京时间" in text)
    page.save(args.out, "audit")


def import_large_list_with_progress(page, base, args):
    """A unit's accountant uploads a list of 20,000 projects (80,000 rows): the page moves to the job's progress bar, which
    refreshes itself until the import is done, then names how many projects came in."""
    header = "项目编码,项目名称,实施单位编码,实施单位,预算年度,资金来源,项目类别,起止年度,申请金额（万元）,年度总体目标,一级指标,二级指标,三级指标,指标值,分值,指标标准,备注"
    indicators = [("产出指标", "数量指标", "受益人数", "≥100人次", "40"), ("产出指标", "质量指标", "验收合格率", "=100%", "20"),
                  ("效益指标", "社会效益指标", "服务覆盖率", "≥90%", "20"), ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "20")]
    lines = [header]
    for n in range(1, 20001):
        for i in indicators:
            lines.append(",".join([f"BIG-{n}", f"批量项目{n}", "990000-101-01", "", str(PREPARING), "一般公共预算", "一次性", "", "10", "完成年度任务", *i, "计划标准", ""]))
    path = os.path.join(args.work, "大清单.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    page.goto(base + "/goals/import")
    document = page.call("DOM.getDocument")
    node = page.call("DOM.querySelector", nodeId=document["root"]["nodeId"], selector="input[type=file][name=file]")
    page.call("DOM.setFileInputFiles", files=[path], nodeId=node["nodeId"])
    page.load(lambda: page.eval("document.querySelector('form[action=\\'/goals/import\\']').submit()"),
              "the upload of the 20,000-project list to answer", timeout=900)
    on_job_page = "/goals/import/jobs/" in (page.eval("location.pathname") or "")
    check("a large list moves to its progress page", on_job_page and page.eval("document.querySelector('progress') !== null")
          and page.eval("document.querySelector('meta[http-equiv=refresh]') !== null"), page.text()[:300])
    page.save(args.out, "import-progress")
    deadline = time.time() + 1200
    def current_text():
        try:
            return page.text()
        except RuntimeError:  # the page was reloading itself
            return ""
    while "已完成" not in current_text() and "未导入" not in current_text():
        if time.time() > deadline:
            raise TimeoutError("the import job did not finish within 20 minutes")
        page.wait_event("Page.loadEventFired", 120, "the progress page to refresh itself")
    main_text = page.eval("document.querySelector('main') ? document.querySelector('main').innerText : ''") or ""
    check("the progress page ends with the number of projects imported", "新建 20000 个项目" in main_text, main_text[:400])
    page.save(args.out, "import-done")
    page.goto(base + "/goals/import")
    check("the import page lists the recent import", "大清单.csv" in page.text() and "最近的导入" in page.text())


def two_processes_on_postgres(args, processes):
    """Two stateless `serve` processes on one PostgreSQL: a session made on one works on the other,
    and concurrent changes through both keep the audit chain intact."""
    import concurrent.futures
    env = dict(os.environ, DATABASE_URL=args.postgres_url, JIXIAO_BCRYPT_COST="8", JIXIAO_COOKIE_SECURE="0")
    demo = subprocess.run([args.binary, "demo"], env=env, capture_output=True, text=True, timeout=600)
    check("demo loads on PostgreSQL", demo.returncode == 0, demo.stderr[-300:])
    bases = []
    for _ in range(2):
        port = free_port()
        log = open(os.path.join(args.work, f"serve-pg-{port}.log"), "w")
        processes.append(subprocess.Popen([args.binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)], env=env,
                                          stdout=log, stderr=subprocess.STDOUT))
        bases.append(f"http://127.0.0.1:{port}")
    check("two serve processes answer on PostgreSQL", all(wait_http(b + "/healthz") for b in bases))

    def request(method, url, body=None, headers=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}, **{"Content-Type": "application/json"}))
        try:
            with urllib.request.urlopen(req, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    status, body = request("POST", bases[0] + "/api/v1/tokens", {"username": "province-admin", "password": "Demo2026jixiao"})
    token = json.loads(body).get("token", "") if status == 201 else ""
    status, _ = request("GET", bases[1] + "/api/v1/me", headers={"Authorization": "Bearer " + token})
    check("a token made by one process works on the other", status == 200)

    def create(i):
        base = bases[i % 2]
        return [request("POST", base + "/api/v1/orgs", {"code": f"PG{i}-{j}", "name": f"并发部门{i}-{j}", "kind": "department",
                                                         "parentCode": "990000"}, {"Authorization": "Bearer " + token})[0] for j in range(5)]
    with concurrent.futures.ThreadPoolExecutor(6) as pool:
        statuses = [s for batch in pool.map(create, range(6)) for s in batch]
    check("concurrent changes through both processes all succeed", statuses == [201] * 30, str(statuses))
    verify = subprocess.run([args.binary, "audit", "verify"], env=env, capture_output=True, text=True, timeout=120)
    check("the audit chain written by both processes is intact", verify.returncode == 0 and "OK" in verify.stdout, verify.stdout + verify.stderr)


def monitoring_shows_its_arithmetic(page, base, args):
    """The performance officer opens the demo's 1–7月 round: the dashboard's execution chart renders as SVG with a dot
    per object that links to it, a red task states its warning's arithmetic in Chinese, the monitoring form prints,
    and both pages read on a 390-px phone."""
    page.click("form[action='/signout'] button")
    page.goto(base + "/signin")
    page.submit("form[action='/signin']", {"username": "perf-officer", "password": "Demo2026jixiao"})
    if not (page.eval("document.documentElement.lang") or "").startswith("zh"):
        page.click(".lang-switch button")
    page.goto(base + "/monitoring")
    check("the monitoring page lists the demo's 1–7月 round", "1–7月" in page.text(), page.text()[:300])
    page.click("table a[href^='/monitoring/rounds/']")
    round_url = page.eval("location.href")
    dots = page.eval("document.querySelectorAll('.chart-box svg a').length") or 0
    check("the round's execution chart renders as SVG with a linked dot per object", dots >= 10, f"{dots} linked dots")
    reds = page.eval("(document.querySelector('.tiles .level-red strong') || {}).textContent")
    check("the dashboard counts the red objects", reds is not None and reds.isdigit() and int(reds) >= 3, str(reds))
    page.save(args.out, "monitoring-round")
    page.click(".tiles a.level-red")
    # Red for lagging money, among the red objects (others are red for a missed deadline or a forecast).
    links = page.eval("Array.from(document.querySelectorAll(\"table.data tbody a[href^='/monitoring/tasks/']\")).map(a => a.href)") or []
    pattern = re.compile(r"1–7月：时间进度 58\.3%，支出 \d+\.\d% → 执行进度 \d+\.\d% < 60% → 红色（资金执行滞后）")
    task_url, text = None, ""
    for link in links[:8]:
        page.goto(link)
        text = page.text()
        if pattern.search(text):
            task_url = link
            break
    check("a red task states its warning's arithmetic in Chinese", task_url, f"{len(links)} red tasks; last read: {text[:300]}")
    task_url = task_url or (links[0] if links else round_url)
    page.save(args.out, "monitoring-task")
    page.goto(task_url.split("?")[0] + "/print")
    text = page.text()
    check("the monitoring form prints with the national columns",
          all(s in text for s in ["项目支出绩效目标执行监控表", "1–7月执行数", "全年预计完成情况", "偏差原因分析", "完成目标可能性"]), text[:300])
    page.goto(round_url.split("?")[0] + "/report")
    text = page.text()
    check("the round's monitoring report states the money, each warning's arithmetic and the dispositions",
          all(s in text for s in ["绩效监控报告", "一、总体情况", "三、预警对象及计算过程", "资金执行滞后", "四、处置情况", "调整目标"]), text[:300])
    page.save(args.out, "monitoring-report")
    page.viewport(390, 844, mobile=True)
    for name, url in [("monitoring-round-390", round_url), ("monitoring-task-390", task_url)]:
        page.goto(url)
        width = page.eval("document.documentElement.scrollWidth")
        check(f"{name}: a 390-px phone reads it without sideways scrolling", width is not None and width <= 390, f"scrollWidth={width}")
        page.save(args.out, name)
    page.viewport(1366, 768)


def self_evaluation_explains_deductions(page, base, args):
    """The performance officer opens the demo's self-evaluation year: tiles by grade, a form whose indicators each say
    how their points came about in Chinese (target, actual and the proportion), the quality findings, and the form
    on a 390-px phone."""
    page.goto(base + "/evaluation/self")
    check("the self-evaluation page lists the demo year", "年度自评" in page.text(), page.text()[:300])
    page.click("table a[href^='/evaluation/self/years/']")
    year_url = page.eval("location.href")
    text = page.text()
    check("the year's page counts its forms by grade", all(s in text for s in ["按评价等级", "优", "良", "中", "差"]), text[:300])
    page.save(args.out, "self-evaluation-year")
    links = page.eval("Array.from(document.querySelectorAll(\"table.data tbody a[href^='/evaluation/self/forms/']\")).map(a => a.href)") or []
    pattern = re.compile(r"：目标 [≥≤=<>]\S+，实际 \S+ → \d+(\.\d+)? ÷ \d+(\.\d+)? × \d+(\.\d+)? = \d+\.\d\d")
    form_url, text = None, ""
    for link in links[:12]:
        page.goto(link)
        text = page.text()
        if pattern.search(text):
            form_url = link
            break
    check("a self-evaluation explains a deduction in Chinese (target, actual, proportion, points)", form_url, f"{len(links)} forms; last read: {text[:300]}")
    check("the form shows its quality checks and total", form_url and all(s in text for s in ["自评质量检查", "总分"]), text[:300])
    page.save(args.out, "self-evaluation-form")
    page.viewport(390, 844, mobile=True)
    for name, url in [("self-evaluation-year-390", year_url), ("self-evaluation-form-390", form_url or year_url)]:
        page.goto(url)
        width = page.eval("document.documentElement.scrollWidth")
        check(f"{name}: a 390-px phone reads it without sideways scrolling", width is not None and width <= 390, f"scrollWidth={width}")
        page.save(args.out, name)
    page.viewport(1366, 768)


def think_tanks_draw_and_notice(page, base, args):
    """The performance officer reads the expert library, the draw of the demo's third key evaluation (its seed replayed,
    the exclusions with their rules) also on a 390-px phone, and the published quality notice that anyone may read."""
    page.goto(base + "/think-tank/experts")
    text = page.text()
    check("the expert library lists the demo's experts with their fields", "专家学者库" in text and "孙立平" in text and "卫生健康" in text, text[:300])
    page.save(args.out, "think-tank-experts")
    page.goto(base + "/evaluation/key")
    href = page.eval("(Array.from(document.querySelectorAll(\"table.data a[href^='/evaluation/key/']\")).find(a => a.textContent.includes('基层医务人员')) || {}).href || ''")
    evaluation_id = (href or "").split("?")[0].rstrip("/").split("/")[-1]
    page.goto(base + "/think-tank/evaluations/" + evaluation_id)
    text = page.text()
    check("the draw shows its seed replayed, the picks and every exclusion with its rule",
          "按种子重放，结果一致" in text and "同一部门" in text and "申报了利害关系" in text, text[:300])
    page.save(args.out, "think-tank-team")
    page.viewport(390, 844, mobile=True)
    page.goto(base + "/think-tank/evaluations/" + evaluation_id)
    width = page.eval("document.documentElement.scrollWidth")
    check("think-tank-team-390: the draw reads on a 390-px phone without sideways scrolling", width is not None and width <= 390, f"scrollWidth={width}")
    page.save(args.out, "think-tank-team-390")
    page.viewport(1366, 768)
    page.goto(base + "/think-tank/reviews")
    notice = page.eval("(document.querySelector(\"a[href^='/notices/agency-quality/']\") || {}).href || ''")
    page.goto(notice or base + "/notices/agency-quality/990000/0")
    text = page.text()
    check("the published report quality notice names the agency, its score and grade", "江南华信绩效评价咨询有限公司" in text and "良好" in text, text[:300])
    page.save(args.out, "think-tank-notice")


def key_evaluations_survey_and_report(page, base, args):
    """The performance officer reads the demo's key evaluation (plan, framework, team, survey rate); a beneficiary answers
    its questionnaire from an unused code on a 390-px phone without an account; the report downloads as a .docx through
    the API (as the office's head, who runs it without scoring), and LibreOffice converts it to PDF — it opens."""
    page.goto(base + "/evaluation/key")
    text = page.text()
    check("the key evaluations page lists the demo's evaluations", "高校国家助学金配套资金" in text and "组织实施" in text, text[:300])
    href = page.eval("(Array.from(document.querySelectorAll(\"table.data a[href^='/evaluation/key/']\")).find(a => a.textContent.includes('助学金')) || {}).href || ''")
    evaluation_url = (href or "").split("?")[0]
    page.goto(evaluation_url or base + "/evaluation/key")
    text = page.text()
    check("an evaluation shows its plan, framework, team and survey rate",
          all(s in text for s in ["评价方案", "评价指标体系", "评价组", "满意度调查"]) and re.search(r"满意度 \d+\.\d\d%", text), text[:300])
    page.save(args.out, "key-evaluation")
    csv_text = page.eval(f"fetch('{evaluation_url}/survey/links.csv').then(r => r.text())") or ""
    unused = [line.split('","')[1] for line in csv_text.splitlines()[1:] if line.count('","') == 2 and line.endswith('""')]
    check("the office downloads the answer links", len(unused) >= 1, csv_text[:200])
    page.viewport(390, 844, mobile=True)
    page.goto(evaluation_url)
    width = page.eval("document.documentElement.scrollWidth")
    check("key-evaluation-390: a 390-px phone reads it without sideways scrolling", width is not None and width <= 390, f"scrollWidth={width}")
    page.save(args.out, "key-evaluation-390")
    if unused:
        link = unused[0]
        page.goto(base + link[link.index("/s/"):] if "/s/" in link else link)
        width = page.eval("document.documentElement.scrollWidth")
        text = page.text()
        check("the survey opens on a 390-px phone without an account or sideways scrolling",
              "非常满意" in text and width is not None and width <= 390, f"scrollWidth={width} {text[:200]}")
        page.save(args.out, "survey-390")
        page.eval("document.querySelector(\"input[name='a[0]'][value='5']\").checked = true; "
                  "document.querySelector(\"input[name='a[1]'][value='是']\").checked = true; true")
        page.load(lambda: page.eval("document.querySelector('form.survey').submit(); true"), "the survey answer")
        check("an answer is thanked", "感谢" in page.text(), page.text()[:200])
    page.viewport(1366, 768)

    status, body = http_json("POST", base + "/api/v1/tokens", {"username": "perf-head", "password": "Demo2026jixiao"})
    token = json.loads(body).get("token") if status == 201 else None
    evaluation_id = evaluation_url.rstrip("/").split("/")[-1]
    pdf_ok, detail = False, f"token status {status}"
    if token and evaluation_id:
        request = urllib.request.Request(f"{base}/api/v1/key-evaluations/{evaluation_id}/report.docx", headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=60) as response:
            docx = response.read()
        path = os.path.join(args.out, "key-evaluation-report.docx")
        with open(path, "wb") as handle:
            handle.write(docx)
        outdir = os.path.join(args.work, "report-pdf")
        os.makedirs(outdir, exist_ok=True)
        convert = subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", outdir, path], capture_output=True, text=True, timeout=300)
        pdf = os.path.join(outdir, "key-evaluation-report.pdf")
        pdf_ok = os.path.exists(pdf) and os.path.getsize(pdf) > 2000 and open(pdf, "rb").read(5) == b"%PDF-"
        detail = f"docx {len(docx)} bytes; {convert.stdout[-200:]} {convert.stderr[-200:]}"
        if pdf_ok:
            subprocess.run(["cp", pdf, os.path.join(args.out, "key-evaluation-report.pdf")])
    check("the evaluation report downloads as .docx and LibreOffice converts it to PDF", pdf_ok, detail)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--postgres-url", help="also run two serve processes on this (empty) PostgreSQL database")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)
    env = dict(os.environ, JIXIAO_DATABASE_PATH=os.path.join(args.work, "jixiao.sqlite"), JIXIAO_BCRYPT_COST="8")
    env.pop("DATABASE_URL", None)
    processes = []
    try:
        demo = subprocess.run([args.binary, "demo"], env=env, capture_output=True, text=True, timeout=600)
        match = re.search(r"one-time password:\s+(\S+)", demo.stdout)
        check("demo loads and the first start prints a one-time password", demo.returncode == 0 and match, demo.stdout[-500:] + demo.stderr[-500:])
        one_time = match.group(1) if match else ""
        again = subprocess.run([args.binary, "demo"], env=env, capture_output=True, text=True, timeout=600)
        check("demo is idempotent", again.returncode == 0 and all(line in again.stdout for line in
              ["Demo organizations: 0 added", "Demo accounts: 0 added", "Demo goals: 0 budget objects"]), again.stdout[-300:])

        port = free_port()
        server_log = open(os.path.join(args.work, "serve.log"), "w")
        server = subprocess.Popen([args.binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)], env=env,
                                  stdout=server_log, stderr=subprocess.STDOUT)
        processes.append(server)
        base = f"http://127.0.0.1:{port}"
        check("serve answers", wait_http(base + "/healthz"))

        profile = os.path.join(args.work, "chromium-profile")
        chromium = subprocess.Popen(["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                     "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--remote-debugging-port=0",
                                     "--window-size=1366,768", "about:blank"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        processes.append(chromium)
        port_file = os.path.join(profile, "DevToolsActivePort")
        deadline = time.time() + 60
        while not os.path.exists(port_file) and time.time() < deadline:
            time.sleep(0.2)
        devtools_port = open(port_file).read().split()[0]
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{devtools_port}/json/list"))
        page = Page(next(t for t in targets if t["type"] == "page")["webSocketDebuggerUrl"])
        page.call("Page.enable")
        page.call("Runtime.enable")
        page.call("Network.enable")
        page.call("Network.setExtraHTTPHeaders", headers={"Accept-Language": "zh-CN,zh;q=0.9"})
        page.viewport(1366, 768)

        page.goto(base + "/")
        text = page.text()
        check("anonymous visitors land on the sign-in page", "/signin" in page.eval("location.pathname") and "登录" in text)
        page.save(args.out, "signin")

        page.submit("form[action='/signin']", {"username": "admin", "password": "wrong-password-1"})
        check("a wrong password is refused in Chinese", "用户名或密码不正确" in page.text())

        page.submit("form[action='/signin']", {"username": "admin", "password": one_time})
        check("the one-time password leads to the password page", page.eval("location.pathname") == "/account/password", page.text()[:200])
        page.submit("form[action='/account/password']", {"current": one_time, "new": "short", "confirm": "short"})
        check("a weak new password is explained beside its field",
              page.eval("document.querySelectorAll('.field-error').length") >= 1 and "至少 10 个字符" in page.text())
        page.submit("form[action='/account/password']", {"current": one_time, "new": "Admin2026ci", "confirm": "Admin2026ci"})
        check("the password is changed", "密码已修改" in page.text())

        page.goto(base + "/orgs")
        text = page.text()
        check("the organization tree renders in Chinese", all(s in text for s in ["组织机构", "江南省财政厅", "临江市财政局", "江南省教育厅"]), text[:300])
        check("no error on the tree page", not any(s in text for s in ["系统错误", "未找到", "Internal"]))
        check("an administrator's navigation holds administration only", "系统管理" in text and "目标管理" not in text)
        width = page.eval("document.documentElement.scrollWidth")
        check("the tree fits 1366×768 without sideways scrolling", width is not None and width <= 1366, f"scrollWidth={width}")
        page.save(args.out, "orgs-1366")

        page.call("Input.dispatchKeyEvent", type="keyDown", key="Tab", code="Tab", windowsVirtualKeyCode=9)
        page.call("Input.dispatchKeyEvent", type="keyUp", key="Tab", code="Tab", windowsVirtualKeyCode=9)
        focused = page.eval("document.activeElement && document.activeElement.className")
        check("the keyboard reaches the skip link first", focused == "skip-link", f"focused={focused}")

        page.viewport(390, 844, mobile=True)
        page.goto(base + "/orgs")
        width = page.eval("document.documentElement.scrollWidth")
        check("the tree is readable 390 px wide", width is not None and width <= 390, f"scrollWidth={width}")
        page.save(args.out, "orgs-390")
        page.viewport(1366, 768)

        page.goto(base + "/orgs/new?parent=990000")
        page.submit("form[action='/orgs/new']", {"code": "bad code", "name": "", "kind": "finance_bureau", "level": ""})
        errors = page.eval("Array.from(document.querySelectorAll('.field.has-error label')).map(l => l.textContent)") or []
        check("wrong input shows errors next to code, name and level", {"编码", "名称", "级次"} <= set(errors), str(errors))
        page.save(args.out, "org-new-errors")

        page.goto(base + "/orgs/import")
        check("the import page explains the file layout", "parent_code" in page.text())

        page.goto(base + "/audit")
        check("an administrator does not read the audit trail (三员分立)", "无权操作" in page.text(), page.text()[:200])

        page.click(".lang-switch button")
        page.goto(base + "/orgs")
        check("English is one click away", "Organizations" in page.text() and "Finance bureau" in page.text())
        page.save(args.out, "orgs-en")

        page.click("form[action='/signout'] button")
        page.goto(base + "/signin")
        page.submit("form[action='/signin']", {"username": "perf-officer", "password": "Demo2026jixiao"})
        text = page.text()
        check("a performance officer's navigation shows the whole loop",
              all(s in text for s in ["Goal management", "Monitoring", "Evaluation", "Use of results", "Think tanks", "Analytics"]), text[:300])
        page.click(".lang-switch button")
        declare_goal_and_see_findings(page, base, args)
        hostile_names_stay_text(page, base, args)
        goal_list_reads_on_a_phone(page, base, args)
        open_redirects_are_refused(page, base, args)
        xlsx_bombs_are_refused_in_little_memory(base, args, server.pid)
        import_large_list_with_progress(page, base, args)
        monitoring_shows_its_arithmetic(page, base, args)
        self_evaluation_explains_deductions(page, base, args)
        key_evaluations_survey_and_report(page, base, args)
        think_tanks_draw_and_notice(page, base, args)
        page.goto(base + "/results")
        check("later sections say honestly that they are not available yet", "尚未开放" in page.text())
        page.save(args.out, "placeholder")
        audit_officer_reads_the_trail(page, base, args)

        verify = subprocess.run([args.binary, "audit", "verify"], env=env, capture_output=True, text=True, timeout=120)
        check("audit verify reports an intact chain", verify.returncode == 0 and "OK" in verify.stdout, verify.stdout + verify.stderr)
        if args.postgres_url:
            two_processes_on_postgres(args, processes)
    except Exception as error:  # a crash of the driver is a failed check, not a silent pass
        check("browser checks ran to the end", False, repr(error))
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
    passed = sum(1 for _, ok in CHECKS if ok)
    failed = len(CHECKS) - passed
    print(f"e2e: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
