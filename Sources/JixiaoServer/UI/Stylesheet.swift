import Vapor

/// Our own stylesheet, compiled into the binary so a copied executable needs no asset folder.
enum Stylesheet {
    static func response() -> Response {
        let response = Response(status: .ok, body: .init(string: css))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }

    static let css = """
    :root { --ink:#1f2933; --muted:#52606d; --line:#d9e2ec; --bg:#f5f7fa; --card:#fff; --brand:#b3261e; --brand-dark:#8c1d18;
            --ok:#1e7b34; --warn:#9a6700; --err:#b3261e; --focus:#1d4ed8; }
    * { box-sizing:border-box; }
    html { font-size:16px; }
    body { margin:0; font-family:"PingFang SC","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",system-ui,sans-serif;
           color:var(--ink); background:var(--bg); line-height:1.6; display:grid;
           grid-template-columns:13rem 1fr; grid-template-rows:auto 1fr auto;
           grid-template-areas:"header header" "nav main" "footer footer"; min-height:100vh; }
    body:not(:has(.site-nav)) { grid-template-columns:1fr; grid-template-areas:"header" "main" "footer"; }
    a { color:#0b5cad; } a:hover { color:var(--brand-dark); }
    :focus-visible { outline:3px solid var(--focus); outline-offset:2px; }
    .skip-link { position:absolute; left:-999px; } .skip-link:focus { left:1rem; top:.5rem; background:#fff; padding:.25rem .5rem; z-index:10; }
    .visually-hidden { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
    .site-header { grid-area:header; display:flex; flex-wrap:wrap; align-items:center; gap:.75rem 1.5rem; padding:.6rem 1.25rem;
                   background:var(--brand); color:#fff; }
    .site-header a, .site-header .link-button { color:#fff; }
    .brand { font-weight:700; font-size:1.2rem; text-decoration:none; margin-right:auto; }
    .brand-sub { font-weight:400; font-size:.85rem; margin-left:.6rem; opacity:.9; }
    .who { display:flex; flex-wrap:wrap; gap:.75rem; align-items:center; font-size:.9rem; }
    .inline { display:inline; margin:0; }
    .link-button { background:none; border:0; padding:0; font:inherit; text-decoration:underline; cursor:pointer; color:#0b5cad; }
    .site-nav { grid-area:nav; background:#fff; border-right:1px solid var(--line); padding:1rem .5rem; }
    .site-nav ul { list-style:none; margin:0; padding:0; }
    .site-nav li a, .nav-group { display:block; padding:.45rem .75rem; border-radius:6px; text-decoration:none; color:var(--ink); }
    .nav-group { font-weight:600; color:var(--muted); }
    .site-nav ul ul a { padding-left:1.5rem; }
    .site-nav a[aria-current=page] { background:#fde8e6; color:var(--brand-dark); font-weight:600; }
    .site-nav a:hover { background:#f0f4f8; }
    .content { grid-area:main; padding:1.25rem 1.5rem 2rem; min-width:0; max-width:72rem; }
    h1 { font-size:1.5rem; margin:.25rem 0 1rem; } h2 { font-size:1.15rem; margin:1.25rem 0 .5rem; }
    .lead { font-size:1.05rem; }
    .site-footer { grid-area:footer; padding:.75rem 1.5rem; color:var(--muted); font-size:.85rem; border-top:1px solid var(--line); background:#fff; }
    .card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:1rem 1.25rem; margin:0 0 1rem; }
    .narrow { max-width:26rem; }
    .forms { display:grid; grid-template-columns:repeat(auto-fit, minmax(18rem, 1fr)); gap:1rem; align-items:start; }
    .field { margin:0 0 .85rem; border:0; padding:0; }
    .field label, .field legend { display:block; font-weight:600; margin-bottom:.25rem; }
    .field .check { display:inline-flex; align-items:center; font-weight:400; margin:.15rem 1rem .15rem 0; }
    input[type=text], input[type=password], input[type=search], input[type=date], input[type=file], select {
        width:100%; max-width:28rem; padding:.45rem .6rem; border:1px solid #9aa5b1; border-radius:6px; font:inherit; background:#fff; }
    .has-error input, .has-error select { border-color:var(--err); border-width:2px; }
    .field-error { color:var(--err); margin:.25rem 0 0; font-weight:600; }
    .hint { color:var(--muted); font-size:.9rem; margin:.25rem 0; }
    button, .button { display:inline-block; padding:.45rem 1rem; border:1px solid #9aa5b1; border-radius:6px; background:#fff;
                      font:inherit; color:var(--ink); cursor:pointer; text-decoration:none; }
    button.primary { background:var(--brand); border-color:var(--brand); color:#fff; }
    button.primary:hover { background:var(--brand-dark); }
    button.danger { border-color:var(--err); color:var(--err); }
    .toolbar { display:flex; flex-wrap:wrap; gap:.5rem; align-items:end; margin-bottom:1rem; }
    .toolbar input[type=search] { max-width:20rem; } .toolbar select { width:auto; }
    .toolbar .field { margin:0; } .toolbar .field input { max-width:12rem; }
    .notice { padding:.65rem 1rem; border-radius:6px; margin:0 0 1rem; border-left:5px solid; background:#fff; }
    .notice-error { border-color:var(--err); background:#fdecea; } .notice-success { border-color:var(--ok); background:#e9f6ec; }
    .notice-warning { border-color:var(--warn); background:#fff6e0; } .notice-info { border-color:#0b5cad; background:#eaf2fb; }
    .import-progress progress { width:100%; height:1.1rem; accent-color:#0b5cad; }
    .error-list { background:#fff; border:1px solid var(--line); border-radius:6px; padding:.75rem 1rem .75rem 2rem; max-height:28rem; overflow:auto; }
    table.data { border-collapse:collapse; width:100%; background:#fff; font-size:.92rem; }
    table.data th, table.data td { border-bottom:1px solid var(--line); padding:.45rem .6rem; text-align:left; vertical-align:top; }
    table.data th { background:#f0f4f8; }
    .table-scroll { overflow-x:auto; }
    .audit .summary { max-width:28rem; word-break:break-all; }
    ul.tree, ul.tree ul { list-style:none; margin:0; padding-left:1.25rem; border-left:1px dashed var(--line); }
    ul.tree { padding-left:0; border:0; } ul.tree li { margin:.2rem 0; }
    .code { font-family:ui-monospace,monospace; color:var(--muted); font-size:.85rem; white-space:nowrap; }
    small.code { display:block; } .nowrap { white-space:nowrap; }
    .badge { display:inline-block; font-size:.75rem; padding:0 .4rem; border-radius:4px; background:#e4e7eb; color:var(--ink); white-space:nowrap; }
    /* A table keeps readable columns and scrolls sideways in its .table-scroll box rather than squeezing names into
       one character per line on a phone. */
    table.data td, table.data th { min-width:4.5rem; } table.data td:nth-child(2) { min-width:10rem; }
    table.data td.number { white-space:nowrap; } table.data td.words { min-width:12rem; }
    .badge.finance_bureau { background:#fde8e6; } .badge.department { background:#e3f0fc; } .badge.unit { background:#e8f5e9; }
    .badge.agency { background:#f3e8fd; } .badge.inactive { background:#52606d; color:#fff; }
    .breadcrumb { margin-bottom:.75rem; font-size:.95rem; }
    dl.facts { display:grid; grid-template-columns:max-content 1fr; gap:.35rem 1rem; background:#fff; border:1px solid var(--line);
               border-radius:8px; padding:1rem 1.25rem; }
    dl.facts dt { font-weight:600; color:var(--muted); } dl.facts dd { margin:0; }
    .tiles { display:grid; grid-template-columns:repeat(auto-fill, minmax(14rem, 1fr)); gap:.75rem; margin-top:1rem; }
    .tile { display:block; background:#fff; border:1px solid var(--line); border-radius:8px; padding:.85rem 1rem; text-decoration:none; color:var(--ink); }
    .tile strong { display:block; color:var(--brand-dark); } .tile span { font-size:.9rem; color:var(--muted); } .tile .hint { display:block; }
    .tile:hover { border-color:var(--brand); }
    .workbench { margin:0 0 1.25rem; } .workbench h2 { margin-top:.5rem; }
    ul.plain { list-style:none; margin:0; padding:0; }
    ul.work-tiles { list-style:none; margin:0; padding:0; display:grid; grid-template-columns:repeat(auto-fill, minmax(15rem, 1fr)); gap:.75rem; }
    .work-tile { display:block; height:100%; background:#fff; border:1px solid var(--line); border-left:5px solid #0b5cad; border-radius:8px;
                 padding:.7rem 1rem; text-decoration:none; color:var(--ink); }
    .work-tile:hover { border-color:var(--brand); }
    .work-tile.work-action { border-left-color:var(--brand); } .work-tile.work-setup { border-left-color:var(--warn); }
    .work-tile strong { display:block; font-size:1.1rem; color:var(--brand-dark); }
    .work-kind { display:inline-block; font-size:.75rem; padding:0 .4rem; border-radius:4px; background:#e4e7eb; }
    .work-action .work-kind { background:#fde8e6; color:var(--brand-dark); } .work-setup .work-kind { background:#fff6e0; color:#7a5200; }
    .work-information .work-kind { background:#eaf2fb; }
    .work-detail { display:block; font-size:.9rem; color:var(--muted); }
    .workbench-empty { background:#fff; border:1px dashed var(--line); border-radius:8px; padding:.7rem 1rem; color:var(--muted); }
    ol.loop { padding-left:1.5rem; }
    pre.sample { background:#fff; border:1px solid var(--line); border-radius:6px; padding:.75rem; overflow-x:auto; }
    textarea { width:100%; max-width:48rem; padding:.45rem .6rem; border:1px solid #9aa5b1; border-radius:6px; font:inherit; }
    input[type=number] { width:8rem; padding:.45rem .6rem; border:1px solid #9aa5b1; border-radius:6px; font:inherit; }
    table.editor td { padding:.3rem .3rem; } table.editor select { width:auto; max-width:16rem; }
    table.editor td:nth-child(3) input { min-width:13rem; } table.editor td:nth-child(4) input { min-width:8rem; }
    table.editor td:nth-child(5) input { width:4.5rem; min-width:4.5rem; }
    td.number { text-align:right; font-variant-numeric:tabular-nums; }
    ul.row-findings, ul.findings { margin:0; padding-left:1.1rem; } ul.row-findings { font-size:.85rem; min-width:12rem; }
    li.severity-error { color:var(--err); } li.severity-warning { color:#7a5200; } li.severity-notice { color:var(--muted); }
    .badge.severity-error { background:#fdecea; color:var(--err); } .badge.severity-warning { background:#fff6e0; color:#7a5200; }
    .badge.severity-notice { background:#eaf2fb; } .badge.key { background:#fff6e0; }
    .badge.state-released { background:#e9f6ec; } .badge.state-returned, .badge.state-rejected { background:#fdecea; }
    .badge.state-approved, .badge.state-departmentApproved { background:#e3f0fc; } .badge.state-submitted { background:#f3e8fd; }
    nav.tabs { display:flex; flex-wrap:wrap; gap:.25rem; margin-bottom:1rem; border-bottom:1px solid var(--line); }
    nav.tabs a { padding:.4rem .9rem; white-space:nowrap; text-decoration:none; border:1px solid transparent; border-bottom:0; border-radius:6px 6px 0 0; color:var(--ink); }
    nav.tabs a[aria-current=page] { background:#fff; border-color:var(--line); font-weight:600; }
    nav.pager { display:flex; flex-wrap:wrap; gap:1rem; align-items:center; margin:.75rem 0; color:var(--muted, #555); }
    .versions { margin:.75rem 0; } .goal-text { background:#fff; border:1px solid var(--line); border-radius:6px; padding:.6rem .9rem; }
    ul.diff { list-style:none; padding:0; } ul.diff li { background:#fff; border:1px solid var(--line); border-radius:6px; padding:.5rem .75rem; margin:.4rem 0; }
    .badge.level-red { background:#b3261e; color:#fff; } .badge.level-yellow { background:#f4c542; color:#3d2c00; }
    .badge.level-green { background:#e9f6ec; color:var(--ok); } .badge.late { background:#fff6e0; color:#7a5200; }
    .tile.level-red strong { color:#b3261e; font-size:1.6rem; } .tile.level-yellow strong { color:#9a6700; font-size:1.6rem; }
    .tile.level-green strong { color:var(--ok); font-size:1.6rem; }
    .tile.current { border-color:var(--brand); box-shadow:inset 0 0 0 2px var(--brand); }
    .tiles .tile strong { font-size:1.6rem; }
    .tile.grade-excellent strong { color:var(--ok); } .tile.grade-good strong { color:#1d5fa8; } .tile.grade-fair strong { color:#9a6700; } .tile.grade-poor strong { color:#b3261e; }
    .badge.grade-excellent { background:#dff3e4; color:#14532d; } .badge.grade-good { background:#dbe8f7; color:#173f6d; }
    .badge.grade-fair { background:#fdf0c4; color:#5c4300; } .badge.grade-poor { background:#f9d7d3; color:#7a1a13; }
    .score-line .score-total { font-size:1.4rem; font-weight:600; }
    p.words { margin:.25rem 0 0; }
    td.level-red { color:#b3261e; font-weight:600; }
    table.tally td:first-child { min-width:9rem; }
    table.progress td:first-child { min-width:10rem; }
    ul.warnings { list-style:none; padding:0; } ul.warnings li { padding:.4rem .6rem; border-left:4px solid var(--line); margin:.3rem 0; background:#fff; }
    ul.warnings li.level-red { border-left-color:#b3261e; } ul.warnings li.level-yellow { border-left-color:#f4c542; }
    .trail { margin:.5rem 0; }
    .chart-box { max-width:40rem; } svg.chart { width:100%; height:auto; background:#fff; border:1px solid var(--line); border-radius:8px; }
    svg.chart text { font-size:13px; fill:var(--muted); } svg.chart line.axis { stroke:#9aa5b1; }
    svg.chart line.pace-red { stroke:#b3261e; stroke-dasharray:4 3; } svg.chart line.pace-yellow { stroke:#c99a00; stroke-dasharray:4 3; }
    svg.chart line.time-now { stroke:#0b5cad; stroke-dasharray:2 3; }
    svg.chart circle.dot { stroke:#fff; stroke-width:1; } svg.chart circle.red { fill:#b3261e; } svg.chart circle.yellow { fill:#e0a800; }
    svg.chart circle.green { fill:#1e7b34; }
    table.progress td input, table.progress td textarea, table.progress td select { min-width:7rem; width:100%; }
    .badge.added { background:#e9f6ec; } .badge.removed { background:#fdecea; } .badge.changed { background:#fff6e0; }
    del { color:var(--err); } ins { color:var(--ok); text-decoration:none; font-weight:600; }
    .field-change { margin-right:.5rem; }
    table.form-table { border-collapse:collapse; width:100%; background:#fff; }
    table.form-table th, table.form-table td { border:1px solid #333; padding:.4rem .5rem; text-align:left; vertical-align:top; }
    table.form-table th { background:#f5f5f5; white-space:nowrap; } .print-year { text-align:center; }
    .history-note { font-size:.78rem; color:var(--muted); margin-top:.15rem; }
    /* A questionnaire answered on a phone: each choice a full-width row, easy to tap. */
    form.survey label.choice { display:block; padding:.5rem .25rem; border-bottom:1px solid var(--line); }
    .report-section textarea { min-height:7rem; }
    @media print {
      body { display:block; background:#fff; } .site-header, .site-nav, .site-footer, .no-print, .skip-link { display:none; }
      .content { padding:0; max-width:none; } h1 { text-align:center; }
    }
    @media (max-width: 720px) {
      body { grid-template-columns:1fr; grid-template-areas:"header" "nav" "main" "footer"; }
      .site-nav { border-right:0; border-bottom:1px solid var(--line); padding:.5rem; }
      .site-nav > ul { display:flex; flex-wrap:wrap; gap:.25rem; }
      .site-nav ul ul { display:flex; flex-wrap:wrap; }
      .site-nav ul ul a { padding-left:.75rem; }
      .content { padding:1rem; }
      .brand-sub { display:none; }
      dl.facts { grid-template-columns:1fr; }
      .toolbar.wrap .field { flex:1 1 100%; }
      table.data { font-size:.85rem; }
      /* The indicator form folds into one card per indicator, each field under its column's name (data-label). */
      table.progress thead { display:none; }
      table.progress, table.progress tbody, table.progress tr, table.progress td { display:block; width:auto; }
      table.progress tr { border:1px solid var(--line); border-radius:6px; margin:.6rem 0; padding:.4rem .6rem; background:#fff; }
      table.progress td { border:0; padding:.25rem 0; min-width:0; }
      table.progress td:first-child { font-weight:600; min-width:0; }
      table.progress td[data-label]::before { content:attr(data-label); display:block; font-size:.8rem; color:var(--muted); }
      table.progress td input, table.progress td textarea, table.progress td select { min-width:0; }
    }
    """
}
