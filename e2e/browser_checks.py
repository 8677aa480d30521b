#!/usr/bin/env python3
"""Browser checks for CI: a real `jixiao serve` on a fresh SQLite file, driven by headless Chromium
through the DevTools protocol. Signs in with the printed one-time password, changes it, looks at the
sign-in page and the organization tree (Chinese text, no error, readable at 1366x768 and 390 px wide,
keyboard reachable), tries wrong input, and saves screenshots and DOM to the output folder.
Prints 'e2e: N passed, M failed' as its last line."""
import argparse, base64, json, os, re, socket, subprocess, sys, time, urllib.error, urllib.request

import websocket

CHECKS = []


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
    """The smallest DevTools client: one page, commands answered in order."""

    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=30, suppress_origin=True)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def eval(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        return result.get("result", {}).get("value")

    def wait_loaded(self, seconds=20):
        deadline = time.time() + seconds
        time.sleep(0.2)
        while time.time() < deadline:
            try:
                if self.eval("document.readyState") == "complete":
                    return
            except RuntimeError:
                pass
            time.sleep(0.1)

    def goto(self, url):
        self.call("Page.navigate", url=url)
        self.wait_loaded()

    def submit(self, form_selector, fields):
        script = "(() => { const f = document.querySelector(%s);" % json.dumps(form_selector)
        for name, value in fields.items():
            script += ("{ const e = f.querySelector('[name=%s]'); if (e.type === 'checkbox') { e.checked = %s; } else { e.value = %s; } }"
                       % (json.dumps(name), "true" if value else "false", json.dumps(value)))
        script += "f.submit(); })()"
        self.eval(script)
        self.wait_loaded()

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
    page.eval("document.querySelector('form[action=\\'/signout\\'] button').click()")
    page.wait_loaded()
    page.goto(base + "/signin")
    page.submit("form[action='/signin']", {"username": "unit-officer", "password": "Demo2026jixiao"})
    page.goto(base + "/goals/new")
    page.submit("form[action='/goals/new']", {"code": "E2E-001", "name": "浏览器检查项目", "requested": "12万"})
    check("a wrong amount is explained next to its field", "万元为单位" in page.text() and
          page.eval("document.querySelectorAll('.field.has-error').length") >= 1)
    page.submit("form[action='/goals/new']", {"code": "E2E-001", "name": "浏览器检查项目", "requested": "120", "service_project": "1"})
    check("a new project opens on its goal page", "/goals/" in page.eval("location.pathname") and "草稿" in page.text(), page.text()[:200])
    page.eval("""(() => {
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
    })()""")
    page.wait_loaded()
    text = page.text()
    check("the linter flags the vague indicator beside its row", "表述笼统" in text and
          page.eval("document.querySelectorAll('table.editor ul.row-findings li').length") >= 1, text[:400])
    check("the linter notes the missing satisfaction indicator", "服务类项目应设置服务对象满意度指标" in text)
    page.save(args.out, "goal-findings")
    page.eval("document.querySelector('form[action$=\\'/transition\\'] button').click()")
    page.wait_loaded()
    check("findings do not block submission", "单位已提交" in page.text(), page.text()[:300])


def import_large_list_with_progress(page, base, args):
    """A unit's accountant uploads a list of 20,000 projects (80,000 rows): the page moves to the job's progress bar, which
    refreshes itself until the import is done, then names how many projects came in."""
    header = "项目编码,项目名称,实施单位编码,实施单位,预算年度,资金来源,项目类别,起止年度,申请金额（万元）,年度总体目标,一级指标,二级指标,三级指标,指标值,分值,指标标准,备注"
    indicators = [("产出指标", "数量指标", "受益人数", "≥100人次", "40"), ("产出指标", "质量指标", "验收合格率", "=100%", "20"),
                  ("效益指标", "社会效益指标", "服务覆盖率", "≥90%", "20"), ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "20")]
    lines = [header]
    for n in range(1, 20001):
        for i in indicators:
            lines.append(",".join([f"BIG-{n}", f"批量项目{n}", "990000-101-01", "", "2027", "一般公共预算", "一次性", "", "10", "完成年度任务", *i, "计划标准", ""]))
    path = os.path.join(args.work, "大清单.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    page.goto(base + "/goals/import")
    document = page.call("DOM.getDocument")
    node = page.call("DOM.querySelector", nodeId=document["root"]["nodeId"], selector="input[type=file][name=file]")
    page.call("DOM.setFileInputFiles", files=[path], nodeId=node["nodeId"])
    page.eval("document.querySelector('form[action=\\'/goals/import\\']').submit()")
    page.wait_loaded(60)
    on_job_page = "/goals/import/jobs/" in (page.eval("location.pathname") or "")
    check("a large list moves to its progress page", on_job_page and page.eval("document.querySelector('progress') !== null")
          and page.eval("document.querySelector('meta[http-equiv=refresh]') !== null"), page.text()[:300])
    page.save(args.out, "import-progress")
    deadline = time.time() + 600
    def current_text():
        try:
            return page.text()
        except RuntimeError:  # the page was reloading itself
            return ""
    while time.time() < deadline and "已完成" not in current_text() and "未导入" not in current_text():
        time.sleep(2)
        page.wait_loaded(30)
    check("the progress page ends with the number of projects imported", "已导入 20000 个项目" in page.text(), page.text()[:300])
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
        check("demo is idempotent", again.returncode == 0 and "0 organizations and 0 accounts added" in again.stdout, again.stdout[-300:])

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
        text = page.text()
        check("the audit trail lists sign-ins", "auth.signin_failed" in text and "auth.signin_succeeded" in text)

        page.eval("document.querySelector('.lang-switch button').click()")
        page.wait_loaded()
        page.goto(base + "/orgs")
        check("English is one click away", "Organizations" in page.text() and "Finance bureau" in page.text())
        page.save(args.out, "orgs-en")

        page.eval("document.querySelector('form[action=\\'/signout\\'] button').click()")
        page.wait_loaded()
        page.goto(base + "/signin")
        page.submit("form[action='/signin']", {"username": "perf-officer", "password": "Demo2026jixiao"})
        text = page.text()
        check("a performance officer's navigation shows the whole loop",
              all(s in text for s in ["Goal management", "Monitoring", "Evaluation", "Use of results", "Think tanks", "Analytics"]), text[:300])
        page.eval("document.querySelector('.lang-switch button').click()")
        page.wait_loaded()
        declare_goal_and_see_findings(page, base, args)
        import_large_list_with_progress(page, base, args)
        page.goto(base + "/monitoring")
        check("later sections say honestly that they are not available yet", "尚未开放" in page.text())
        page.save(args.out, "placeholder")

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
