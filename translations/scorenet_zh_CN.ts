<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>animation_export</name>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Drawing months {a}-{b} ({n} frames) into {file}…</source>
            <translation>正在把第 {a}-{b} 月（{n} 帧）绘制到 {file}…</translation>
        </message>
        <message>
            <source>Export animation</source>
            <translation>导出动画</translation>
        </message>
        <message>
            <source>Export cancelled: no file written.</source>
            <translation>导出已取消：未写入文件。</translation>
        </message>
        <message>
            <source>From month</source>
            <translation>起始月份</translation>
        </message>
        <message>
            <source>Internal error while drawing: {kind}: {text}</source>
            <translation>绘制时发生内部错误：{kind}：{text}</translation>
        </message>
        <message>
            <source>MP4 video (*.mp4);;Animated GIF (*.gif);;PNG image, last month (*.png);;SVG image, last month (*.svg)</source>
            <translation>MP4 视频 (*.mp4);;GIF 动画 (*.gif);;PNG 图片，最后一个月 (*.png);;SVG 图片，最后一个月 (*.svg)</translation>
        </message>
        <message>
            <source>The first month must not come after the last.</source>
            <translation>起始月份不能晚于结束月份。</translation>
        </message>
        <message>
            <source>The run was reset during the export: no file written.</source>
            <translation>导出期间运行被重置：未写入文件。</translation>
        </message>
        <message>
            <source>The timeline keeps months {first} to {last}.</source>
            <translation>时间线保留了第 {first} 到 {last} 月。</translation>
        </message>
        <message>
            <source>To month</source>
            <translation>结束月份</translation>
        </message>
        <message>
            <source>Wrote {file}: months {a}-{b} ({n} frames).</source>
            <translation>已写入 {file}：第 {a}-{b} 月（{n} 帧）。</translation>
        </message>
        <message>
            <source>{n} frames</source>
            <translation>{n} 帧</translation>
        </message>
    </context>
    <context>
        <name>compact</name>
        <message>
            <source>Dashboard</source>
            <translation>仪表盘</translation>
        </message>
    </context>
    <context>
        <name>compare</name>
        <message>
            <source>Comparing with rubric B ({words}).</source>
            <translation>正在与评分规则 B 对比（{words}）。</translation>
        </message>
        <message>
            <source>Excluded only under {side} (restricted or without friends):</source>
            <translation>仅在 {side} 下被排斥的人（受限或没有好友）：</translation>
        </message>
        <message>
            <source>Month {step}: {summary}.</source>
            <translation>第 {step} 月：{summary}。</translation>
        </message>
        <message>
            <source>Not comparing.</source>
            <translation>未在对比。</translation>
        </message>
        <message>
            <source>Rubric B: </source>
            <translation>评分规则 B：</translation>
        </message>
        <message>
            <source>Rubric B: {words}. Dashboard: A solid, B dashed.</source>
            <translation>评分规则 B：{words}。仪表盘中 A 为实线，B 为虚线。</translation>
        </message>
        <message>
            <source>ScoreNet</source>
            <translation>ScoreNet</translation>
        </message>
        <message>
            <source>excluded only under A: {a}; only under B: {b}</source>
            <translation>仅在 A 下被排斥：{a}；仅在 B 下被排斥：{b}</translation>
        </message>
        <message>
            <source>no difference</source>
            <translation>没有差别</translation>
        </message>
        <message>
            <source>person {id}</source>
            <translation>第 {id} 号</translation>
        </message>
        <message>
            <source>{n:,} people</source>
            <translation>{n:,} 人</translation>
        </message>
        <message>
            <source>{n:,} person</source>
            <translation>{n:,} 人</translation>
        </message>
    </context>
    <context>
        <name>compare_dialog</name>
        <message>
            <source>Compare</source>
            <translation>对比</translation>
        </message>
        <message>
            <source>Compare with rubric B</source>
            <translation>与评分规则 B 对比</translation>
        </message>
        <message>
            <source>Other settings</source>
            <translation>其他设置</translation>
        </message>
        <message>
            <source>Rubric B runs beside the current rubric A on the same people, the same network and the same seed, month by month. Change what B does differently:</source>
            <translation>评分规则 B 与当前的评分规则 A 并排运行，使用相同的人、相同的网络和相同的随机种子，逐月对比。请设置 B 的不同之处：</translation>
        </message>
        <message>
            <source>The missing data of those who opted out is now filled with the fixed value, so that the value you set counts.</source>
            <translation>退出者的缺失数据现在用固定值填充，这样你设置的值才会起作用。</translation>
        </message>
        <message>
            <source>Weight of {what}</source>
            <translation>{what}的权重</translation>
        </message>
        <message>
            <source>e.g. perks.enabled = false; events.scam_rate = 0.01</source>
            <translation>例如 perks.enabled = false; events.scam_rate = 0.01</translation>
        </message>
        <message>
            <source>rubric B</source>
            <translation>评分规则 B</translation>
        </message>
        <message>
            <source>the fixed value below</source>
            <translation>下方的固定值</translation>
        </message>
        <message>
            <source>the participants' mean</source>
            <translation>参与者的平均值</translation>
        </message>
        <message>
            <source>write settings as key = value</source>
            <translation>请把设置写成 键 = 值</translation>
        </message>
    </context>
    <context>
        <name>controls_panel</name>
        <message>
            <source>
Applies on Reset (needs a new population or network).</source>
            <translation>
重置后生效（需要新的人群或网络）。</translation>
        </message>
        <message>
            <source> and {n} more</source>
            <translation> 等另外 {n} 项</translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>（空）</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>&lt;b&gt;1 change applies on Reset&lt;/b&gt;: {labels}{more}.</source>
            <translation>&lt;b&gt;1 项更改将在重置后生效&lt;/b&gt;：{labels}{more}。</translation>
        </message>
        <message>
            <source>&lt;b&gt;{n} changes apply on Reset&lt;/b&gt;: {labels}{more}.</source>
            <translation>&lt;b&gt;{n} 项更改将在重置后生效&lt;/b&gt;：{labels}{more}。</translation>
        </message>
        <message>
            <source>About</source>
            <translation>关于</translation>
        </message>
        <message>
            <source>Advanced: every other parameter</source>
            <translation>高级：其余所有参数</translation>
        </message>
        <message>
            <source>All remaining scenario parameters, generated from the schema.</source>
            <translation>其余全部情景参数，按参数定义自动生成。</translation>
        </message>
        <message>
            <source>Back to {name}'s value: {value}</source>
            <translation>恢复为“{name}”中的值：{value}</translation>
        </message>
        <message>
            <source>Dating app</source>
            <translation>约会应用</translation>
        </message>
        <message>
            <source>Each weight is divided by the sum of the five, so the shares always add up to 100%.</source>
            <translation>每个权重都除以五个权重之和，因此各项占比之和总是 100%。</translation>
        </message>
        <message>
            <source>Every parameter back to its value in {name} as opened or last saved; the network source is kept.</source>
            <translation>把所有参数恢复为“{name}”打开时或上次保存时的值；网络来源保持不变。</translation>
        </message>
        <message>
            <source>Fields marked so need a new population or network: they take effect when you press Reset. Others apply from the next step.</source>
            <translation>带此标记的字段需要新的人群或网络：按“重置”后才生效。其他字段从下一步起生效。</translation>
        </message>
        <message>
            <source>Friend sharing</source>
            <translation>好友共享</translation>
        </message>
        <message>
            <source>Friendships</source>
            <translation>好友关系</translation>
        </message>
        <message>
            <source>Life events</source>
            <translation>生活事件</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>网络</translation>
        </message>
        <message>
            <source>New seed</source>
            <translation>新随机种子</translation>
        </message>
        <message>
            <source>Not applied: {what}: {problem}</source>
            <translation>未应用：{what}：{problem}</translation>
        </message>
        <message>
            <source>Opting out</source>
            <translation>退出评分</translation>
        </message>
        <message>
            <source>Perks &amp; restrictions</source>
            <translation>特权与限制</translation>
        </message>
        <message>
            <source>Population</source>
            <translation>人群</translation>
        </message>
        <message>
            <source>Reset all</source>
            <translation>全部重置</translation>
        </message>
        <message>
            <source>Reset all to “{name}”</source>
            <translation>全部重置为“{name}”</translation>
        </message>
        <message>
            <source>Reset now</source>
            <translation>立即重置</translation>
        </message>
        <message>
            <source>Reset {what}</source>
            <translation>重置 {what}</translation>
        </message>
        <message>
            <source>Rubric details</source>
            <translation>评分规则细节</translation>
        </message>
        <message>
            <source>Rubric: what the score is made of</source>
            <translation>评分规则：信用分由什么构成</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>运行</translation>
        </message>
        <message>
            <source>Start again at month 0 with a fresh random seed (Reset replays the same seed).</source>
            <translation>用新的随机种子从第 0 月重新开始（“重置”会重放同一种子）。</translation>
        </message>
        <message>
            <source>Start again at month 0 with these changes (Ctrl+R).</source>
            <translation>带着这些更改从第 0 月重新开始（Ctrl+R）。</translation>
        </message>
        <message>
            <source>never (infinite)</source>
            <translation>永不（无穷）</translation>
        </message>
        <message>
            <source>{mark} applies on Reset</source>
            <translation>{mark} 重置后生效</translation>
        </message>
    </context>
    <context>
        <name>dashboard_panel</name>
        <message>
            <source>month</source>
            <translation>月</translation>
        </message>
        <message>
            <source>restricted_below is now {value:g}.</source>
            <translation>restricted_below 当前为 {value:g}。</translation>
        </message>
    </context>
    <context>
        <name>export</name>
        <message>
            <source>{file}: a slide is a PNG or SVG image, not {suffix}</source>
            <translation>{file}：幻灯片必须是 PNG 或 SVG 图片，而不是 {suffix}</translation>
        </message>
        <message>
            <source>{file}: unknown image type {suffix}; use one of {known}</source>
            <translation>{file}：未知的图片类型 {suffix}；请使用 {known} 之一</translation>
        </message>
    </context>
    <context>
        <name>exports</name>
        <message>
            <source>CSV table (*.csv)</source>
            <translation>CSV 表格 (*.csv)</translation>
        </message>
        <message>
            <source>CSV table (*.csv);;Parquet table (*.parquet)</source>
            <translation>CSV 表格 (*.csv);;Parquet 表格 (*.parquet)</translation>
        </message>
        <message>
            <source>Export dashboard image</source>
            <translation>导出仪表盘图片</translation>
        </message>
        <message>
            <source>Export metrics</source>
            <translation>导出指标</translation>
        </message>
        <message>
            <source>Export network</source>
            <translation>导出网络</translation>
        </message>
        <message>
            <source>Export network image</source>
            <translation>导出网络图片</translation>
        </message>
        <message>
            <source>Export people</source>
            <translation>导出人员</translation>
        </message>
        <message>
            <source>Export people over time</source>
            <translation>导出人员随时间变化</translation>
        </message>
        <message>
            <source>Exported {path}</source>
            <translation>已导出 {path}</translation>
        </message>
        <message>
            <source>GEXF for Gephi (*.gexf);;GraphML for networkx and igraph (*.graphml)</source>
            <translation>用于 Gephi 的 GEXF (*.gexf);;用于 networkx 和 igraph 的 GraphML (*.graphml)</translation>
        </message>
        <message>
            <source>People over time are replayed from month 0 with the same seed, but settings were changed or someone was scammed by hand during this run, so its past months cannot be replayed.

Reset now and run again to export them?</source>
            <translation>人员随时间的变化是用同一随机种子从第 0 月重放得到的，但本次运行中手动更改过设置或让某人遭遇了诈骗，因此无法重放过去的月份。

现在重置并重新运行以导出它们吗？</translation>
        </message>
        <message>
            <source>ScoreNet</source>
            <translation>ScoreNet</translation>
        </message>
        <message>
            <source>Slide (16:9, 1920x1080)</source>
            <translation>幻灯片（16:9，1920x1080）</translation>
        </message>
        <message>
            <source>Slide (16:9, 1920x1080) PNG (*.png);;Slide (16:9, 1920x1080) SVG (*.svg);;PNG image, as on screen (*.png);;SVG image, as on screen (*.svg);;PDF document, as on screen (*.pdf)</source>
            <translation>幻灯片（16:9，1920x1080） PNG (*.png);;幻灯片（16:9，1920x1080） SVG (*.svg);;PNG 图片，与屏幕相同 (*.png);;SVG 图片，与屏幕相同 (*.svg);;PDF 文档，与屏幕相同 (*.pdf)</translation>
        </message>
    </context>
    <context>
        <name>field_editors</name>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Choose a graph file</source>
            <translation>选择图文件</translation>
        </message>
        <message>
            <source>Choose a graph file (GraphML, GEXF, GML or edge list).</source>
            <translation>选择一个图文件（GraphML、GEXF、GML 或边列表）。</translation>
        </message>
        <message>
            <source>Graphs (*.graphml *.gexf *.gml *.net *.txt *.csv *.tsv *.edges *.edgelist *.adj *.adjlist *.scorenet);;All files (*)</source>
            <translation>图文件 (*.graphml *.gexf *.gml *.net *.txt *.csv *.tsv *.edges *.edgelist *.adj *.adjlist *.scorenet);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Infinite: </source>
            <translation>无穷：</translation>
        </message>
        <message>
            <source>Share of the score: this weight / the sum of all five.</source>
            <translation>在信用分中的占比：此权重 / 五个权重之和。</translation>
        </message>
        <message>
            <source>never</source>
            <translation>永不</translation>
        </message>
    </context>
    <context>
        <name>files</name>
        <message>
            <source> Reading it: {notes}.</source>
            <translation>读取时：{notes}。</translation>
        </message>
        <message>
            <source>Building the network…</source>
            <translation>正在构建网络…</translation>
        </message>
        <message>
            <source>Open network file</source>
            <translation>打开网络文件</translation>
        </message>
        <message>
            <source>Open scenario</source>
            <translation>打开情景</translation>
        </message>
        <message>
            <source>Opening {name}…</source>
            <translation>正在打开 {name}…</translation>
        </message>
        <message>
            <source>Save as bundle</source>
            <translation>另存为打包文件</translation>
        </message>
        <message>
            <source>Save scenario as</source>
            <translation>情景另存为</translation>
        </message>
        <message>
            <source>Save the changes to “{name}”?</source>
            <translation>保存对“{name}”的更改吗？</translation>
        </message>
        <message>
            <source>Saved bundle {path}</source>
            <translation>已保存打包文件 {path}</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>已保存 {path}</translation>
        </message>
        <message>
            <source>ScoreNet</source>
            <translation>ScoreNet</translation>
        </message>
        <message>
            <source>ScoreNet - {name}[*]</source>
            <translation>ScoreNet - {name}[*]</translation>
        </message>
        <message>
            <source>ScoreNet bundle (*.scorenet)</source>
            <translation>ScoreNet 打包文件 (*.scorenet)</translation>
        </message>
        <message>
            <source>ScoreNet scenario (*.toml *.scorenet);;All files (*)</source>
            <translation>ScoreNet 情景 (*.toml *.scorenet);;所有文件 (*)</translation>
        </message>
        <message>
            <source>The network is unchanged.</source>
            <translation>网络未改变。</translation>
        </message>
        <message>
            <source>{file}: {n:,} people, {m:,} friendships; used from the next Reset.</source>
            <translation>{file}：{n:,} 人，{m:,} 段好友关系；下次重置时起用。</translation>
        </message>
    </context>
    <context>
        <name>focus</name>
        <message>
            <source>&amp;Find person by id</source>
            <translation>按编号查找人员(&amp;F)</translation>
        </message>
        <message>
            <source>Type a person's id to select them (Ctrl+F; Escape to leave the box).</source>
            <translation>输入一个人的编号即可选中他（Ctrl+F；按 Esc 离开输入框）。</translation>
        </message>
    </context>
    <context>
        <name>histogram</name>
        <message>
            <source>How are scores spread? (by group)</source>
            <translation>信用分如何分布？（按群体）</translation>
        </message>
        <message>
            <source>Number of people in each {bin:g}-point score bin from {lo:g} to {hi:g}, the bars of each group stacked on the others.</source>
            <translation>从 {lo:g} 到 {hi:g} 分，每 {bin:g} 分一档的人数，各群体的柱形叠加显示。</translation>
        </message>
        <message>
            <source>Scores by group</source>
            <translation>各群体的信用分</translation>
        </message>
        <message>
            <source>Shaded: restricted (below {lo:g}) and privileged ({hi:g} and above).</source>
            <translation>阴影：受限（低于 {lo:g}）和特权（{hi:g} 及以上）。</translation>
        </message>
        <message>
            <source>people</source>
            <translation>人数</translation>
        </message>
        <message>
            <source>privileged</source>
            <translation>特权</translation>
        </message>
        <message>
            <source>restricted</source>
            <translation>受限</translation>
        </message>
        <message>
            <source>score</source>
            <translation>信用分</translation>
        </message>
        <message>
            <source>{n} other groups</source>
            <translation>其他 {n} 个群体</translation>
        </message>
    </context>
    <context>
        <name>inspector_panel</name>
        <message>
            <source>, average score {mean:.0f}</source>
            <translation>，平均分 {mean:.0f}</translation>
        </message>
        <message>
            <source>A scam, through no fault of their own: they miss every payment for the next month. Watch their score, and then their friends'.</source>
            <translation>一次并非本人过错的诈骗：接下来一个月的每笔还款都会逾期。请观察他们的信用分，再看看他们好友的信用分。</translation>
        </message>
        <message>
            <source>A scam, through no fault of their own: they miss every payment for the next {months} months. Watch their score, and then their friends'.</source>
            <translation>一次并非本人过错的诈骗：接下来 {months} 个月的每笔还款都会逾期。请观察他们的信用分，再看看他们好友的信用分。</translation>
        </message>
        <message>
            <source>Click a friend to inspect them.</source>
            <translation>单击一位好友查看其详情。</translation>
        </message>
        <message>
            <source>Click a person in the network
to see how their score is made.</source>
            <translation>在网络中单击某人，
查看其信用分的构成。</translation>
        </message>
        <message>
            <source>Dating now (counts as a friend in the score): {names}</source>
            <translation>正在约会（在信用分中计为好友）：{names}</translation>
        </message>
        <message>
            <source>Friends</source>
            <translation>好友</translation>
        </message>
        <message>
            <source>Friends ({n}{mean})</source>
            <translation>好友（{n}{mean}）</translation>
        </message>
        <message>
            <source>Life events are off, so nobody pays or misses bills: a scam changes nothing until you switch them on.</source>
            <translation>生活事件已关闭，没有人支付或拖欠账单：在打开生活事件之前，诈骗不会产生任何影响。</translation>
        </message>
        <message>
            <source>Opted out: no data, so every part but friends counts as the participants' mean this month.</source>
            <translation>已退出：没有数据，因此除好友外的各项都按本月参与者的平均值计算。</translation>
        </message>
        <message>
            <source>Opted out: no data, so every part but friends counts as {value:g} (the scenario's value for people who opted out).</source>
            <translation>已退出：没有数据，因此除好友外的各项都按 {value:g} 计算（情景为退出者设定的值）。</translation>
        </message>
        <message>
            <source>Person {id}</source>
            <translation>第 {id} 号</translation>
        </message>
        <message>
            <source>Points per (decayed) violation, subtracted from the sum.</source>
            <translation>每次（随时间衰减的）违规扣除的分数，从总分中减去。</translation>
        </message>
        <message>
            <source>Scam this person</source>
            <translation>让此人遭遇诈骗</translation>
        </message>
        <message>
            <source>Scams last 0 months in this scenario (events.scam_duration): no effect.</source>
            <translation>本情景中诈骗持续 0 个月（events.scam_duration）：没有影响。</translation>
        </message>
        <message>
            <source>Score history is not kept
for networks this large.</source>
            <translation>网络规模这么大时
不保留信用分历史。</translation>
        </message>
        <message>
            <source>Score over time</source>
            <translation>信用分随时间变化</translation>
        </message>
        <message>
            <source>Score, from {lo:g} to {hi:g}.</source>
            <translation>信用分，范围 {lo:g} 到 {hi:g}。</translation>
        </message>
        <message>
            <source>Where the points come from</source>
            <translation>分数从哪里来</translation>
        </message>
        <message>
            <source>as in month {step}</source>
            <translation>第 {step} 月时的状态</translation>
        </message>
        <message>
            <source>at least (score at the {lo:.0f} floor)</source>
            <translation>至少（信用分已到 {lo:.0f} 分下限）</translation>
        </message>
        <message>
            <source>group {group}</source>
            <translation>群体 {group}</translation>
        </message>
        <message>
            <source>month</source>
            <translation>月</translation>
        </message>
        <message>
            <source>scammed</source>
            <translation>遭诈骗</translation>
        </message>
        <message>
            <source>score</source>
            <translation>信用分</translation>
        </message>
        <message>
            <source>violations</source>
            <translation>违规</translation>
        </message>
        <message>
            <source>{n} friends</source>
            <translation>{n} 位好友</translation>
        </message>
    </context>
    <context>
        <name>job</name>
        <message>
            <source>the sweep stopped: {text}</source>
            <translation>参数扫描已停止：{text}</translation>
        </message>
    </context>
    <context>
        <name>legend</name>
        <message>
            <source>dating</source>
            <translation>约会</translation>
        </message>
        <message>
            <source>friendship</source>
            <translation>好友关系</translation>
        </message>
        <message>
            <source>opted out (square)</source>
            <translation>已退出（方形）</translation>
        </message>
        <message>
            <source>privileged ({hi:g} and up)</source>
            <translation>特权（{hi:g} 分及以上）</translation>
        </message>
        <message>
            <source>restricted (below {lo:g})</source>
            <translation>受限（低于 {lo:g} 分）</translation>
        </message>
        <message>
            <source>selected</source>
            <translation>已选中</translation>
        </message>
    </context>
    <context>
        <name>lesson_driver</name>
        <message>
            <source>&amp;Close lesson</source>
            <translation>关闭课程(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Lessons</source>
            <translation>课程(&amp;L)</translation>
        </message>
        <message>
            <source>; under B {score:.0f} ({status})</source>
            <translation>；在 B 下 {score:.0f}（{status}）</translation>
        </message>
        <message>
            <source>Export student &amp;worksheet…</source>
            <translation>导出学生练习单(&amp;W)…</translation>
        </message>
        <message>
            <source>Export student worksheet</source>
            <translation>导出学生练习单</translation>
        </message>
        <message>
            <source>Exported {path}</source>
            <translation>已导出 {path}</translation>
        </message>
        <message>
            <source>Lesson</source>
            <translation>课程</translation>
        </message>
        <message>
            <source>Next step</source>
            <translation>下一步</translation>
        </message>
        <message>
            <source>PDF (*.pdf);;Markdown (*.md);;All files (*)</source>
            <translation>PDF (*.pdf);;Markdown (*.md);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Person {who} under B: {score:.0f}.</source>
            <translation>第 {who} 号在 B 下：{score:.0f}。</translation>
        </message>
        <message>
            <source>Person {who}: score {a:.0f} → {b:.0f}.</source>
            <translation>第 {who} 号：信用分 {a:.0f} → {b:.0f}。</translation>
        </message>
        <message>
            <source>Person {who}: {score:.0f} ({status})</source>
            <translation>第 {who} 号：{score:.0f}（{status}）</translation>
        </message>
        <message>
            <source>Previous step</source>
            <translation>上一步</translation>
        </message>
        <message>
            <source>ScoreNet</source>
            <translation>ScoreNet</translation>
        </message>
        <message>
            <source>Under B: {value}.</source>
            <translation>在 B 下：{value}。</translation>
        </message>
        <message>
            <source>not yet measured</source>
            <translation>尚未测量</translation>
        </message>
        <message>
            <source>{name} (cannot be read)</source>
            <translation>{name}（无法读取）</translation>
        </message>
        <message>
            <source>{n} months (month {start} to {end}).</source>
            <translation>{n} 个月（第 {start} 月到第 {end} 月）。</translation>
        </message>
        <message>
            <source>{title} ({minutes} min)</source>
            <translation>{title}（{minutes} 分钟）</translation>
        </message>
        <message>
            <source>{title}: A {a}, B {b}</source>
            <translation>{title}：A {a}，B {b}</translation>
        </message>
        <message>
            <source>{title}: {a} → {b}.</source>
            <translation>{title}：{a} → {b}。</translation>
        </message>
        <message>
            <source>{title}: {value}</source>
            <translation>{title}：{value}</translation>
        </message>
        <message>
            <source>{value:.0f} points</source>
            <translation>{value:.0f} 分</translation>
        </message>
    </context>
    <context>
        <name>lessons_panel</name>
        <message>
            <source>1 month</source>
            <translation>1 个月</translation>
        </message>
        <message>
            <source>Close lesson</source>
            <translation>关闭课程</translation>
        </message>
        <message>
            <source>Export the student worksheet (PDF or Markdown)</source>
            <translation>导出学生练习单（PDF 或 Markdown）</translation>
        </message>
        <message>
            <source>First the class predicts.</source>
            <translation>先让全班预测。</translation>
        </message>
        <message>
            <source>Happened: {what}</source>
            <translation>实际发生：{what}</translation>
        </message>
        <message>
            <source>Next →</source>
            <translation>下一步 →</translation>
        </message>
        <message>
            <source>Not run.</source>
            <translation>未运行。</translation>
        </message>
        <message>
            <source>Predict: </source>
            <translation>预测：</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>运行</translation>
        </message>
        <message>
            <source>Run (at most {months})</source>
            <translation>运行（最多 {months}）</translation>
        </message>
        <message>
            <source>Run {months}</source>
            <translation>运行 {months}</translation>
        </message>
        <message>
            <source>Step {n}: predicted “{answer}”.</source>
            <translation>第 {n} 步：预测“{answer}”。</translation>
        </message>
        <message>
            <source>Teacher's notes: </source>
            <translation>教师备注：</translation>
        </message>
        <message>
            <source>The class's predictions
</source>
            <translation>全班的预测
</translation>
        </message>
        <message>
            <source>Think about it: </source>
            <translation>想一想：</translation>
        </message>
        <message>
            <source>What happened: {text}</source>
            <translation>实际发生：{text}</translation>
        </message>
        <message>
            <source>Worksheet…</source>
            <translation>练习单…</translation>
        </message>
        <message>
            <source>You predicted {letter}: {choice}</source>
            <translation>你们预测了 {letter}：{choice}</translation>
        </message>
        <message>
            <source>step {k} of {n}</source>
            <translation>第 {k} 步，共 {n} 步</translation>
        </message>
        <message>
            <source>{n} months</source>
            <translation>{n} 个月</translation>
        </message>
        <message>
            <source>← Back</source>
            <translation>← 上一步</translation>
        </message>
    </context>
    <context>
        <name>main_window</name>
        <message>
            <source>&amp;Sweep…</source>
            <translation>参数扫描(&amp;S)…</translation>
        </message>
        <message>
            <source>About ScoreNet</source>
            <translation>关于 ScoreNet</translation>
        </message>
        <message>
            <source>Building the network…</source>
            <translation>正在构建网络…</translation>
        </message>
        <message>
            <source>Building the simulation…</source>
            <translation>正在构建模拟…</translation>
        </message>
        <message>
            <source>Error: </source>
            <translation>错误：</translation>
        </message>
        <message>
            <source>Laying out {n:,} people…</source>
            <translation>正在为 {n:,} 人布局…</translation>
        </message>
        <message>
            <source>Month {step} is the end of this scenario (Steps, run.steps): Reset to start again, or raise Steps to go on.</source>
            <translation>第 {step} 月是本情景的终点（步数，run.steps）：按“重置”重新开始，或调高步数以继续。</translation>
        </message>
        <message>
            <source>New seed {seed}.</source>
            <translation>新随机种子 {seed}。</translation>
        </message>
        <message>
            <source>Open sweep point ({what})</source>
            <translation>打开参数扫描点（{what}）</translation>
        </message>
        <message>
            <source>Parameters</source>
            <translation>参数</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>人员</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <source>Run the scenario over a grid of parameter values and seeds.</source>
            <translation>在参数取值和随机种子的网格上运行情景。</translation>
        </message>
        <message>
            <source>Scammed person {who}: they miss every payment for the next {months} months.</source>
            <translation>第 {who} 号遭遇诈骗：接下来 {months} 个月的每笔还款都会逾期。</translation>
        </message>
        <message>
            <source>ScoreNet</source>
            <translation>ScoreNet</translation>
        </message>
        <message>
            <source>Sweep</source>
            <translation>参数扫描</translation>
        </message>
        <message>
            <source>The default scenario is open instead.</source>
            <translation>已改为打开默认情景。</translation>
        </message>
        <message>
            <source>The model in brief</source>
            <translation>模型简介</translation>
        </message>
        <message>
            <source>Transport</source>
            <translation>播放控制</translation>
        </message>
        <message>
            <source>{name}: {n:,} people, {ties:,} friendships, seed {seed}.</source>
            <translation>{name}：{n:,} 人，{ties:,} 段好友关系，随机种子 {seed}。</translation>
        </message>
    </context>
    <context>
        <name>marks</name>
        <message>
            <source>excluded here only</source>
            <translation>仅在此处被排斥</translation>
        </message>
        <message>
            <source>isolated</source>
            <translation>孤立</translation>
        </message>
        <message>
            <source>isolated: no friends</source>
            <translation>孤立：没有好友</translation>
        </message>
        <message>
            <source>opted out (no data)</source>
            <translation>已退出（无数据）</translation>
        </message>
        <message>
            <source>scam victim now</source>
            <translation>当前诈骗受害者</translation>
        </message>
        <message>
            <source>scam victim now: every payment fails</source>
            <translation>当前诈骗受害者：每笔还款都失败</translation>
        </message>
        <message>
            <source>was scammed</source>
            <translation>曾遭诈骗</translation>
        </message>
    </context>
    <context>
        <name>menus</name>
        <message>
            <source>&amp;About ScoreNet</source>
            <translation>关于 ScoreNet(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Compare with rubric B…</source>
            <translation>与评分规则 B 对比(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Open scenario…</source>
            <translation>打开情景(&amp;O)…</translation>
        </message>
        <message>
            <source>&amp;Presets</source>
            <translation>预设(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出程序(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Simulation</source>
            <translation>模拟(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>Arrange the people again by who is friends with whom now: clusters formed by rewiring show.</source>
            <translation>按当前的好友关系重新排列人员：重新连边形成的聚类会显现出来。</translation>
        </message>
        <message>
            <source>Export &amp;animation…</source>
            <translation>导出动画(&amp;A)…</translation>
        </message>
        <message>
            <source>Export &amp;dashboard image…</source>
            <translation>导出仪表盘图片(&amp;D)…</translation>
        </message>
        <message>
            <source>Export &amp;metrics CSV…</source>
            <translation>导出指标 CSV(&amp;M)…</translation>
        </message>
        <message>
            <source>Export &amp;people CSV…</source>
            <translation>导出人员 CSV(&amp;P)…</translation>
        </message>
        <message>
            <source>Export net&amp;work (GEXF/GraphML)…</source>
            <translation>导出网络(&amp;W)（GEXF/GraphML）…</translation>
        </message>
        <message>
            <source>Export network &amp;image…</source>
            <translation>导出网络图片(&amp;I)…</translation>
        </message>
        <message>
            <source>Export people &amp;over time…</source>
            <translation>导出人员随时间变化(&amp;O)…</translation>
        </message>
        <message>
            <source>Fit network in view</source>
            <translation>使网络适应视图</translation>
        </message>
        <message>
            <source>Forget the changes since the scenario was opened or saved.</source>
            <translation>放弃自打开或保存情景以来的更改。</translation>
        </message>
        <message>
            <source>Freeze layout</source>
            <translation>冻结布局</translation>
        </message>
        <message>
            <source>How much memory the timeline of the run may take; past it the oldest months are dropped.</source>
            <translation>运行的时间线最多可占用多少内存；超出后丢弃最早的月份。</translation>
        </message>
        <message>
            <source>Keep everyone where they are while the run plays (the layout no longer follows the friendships).</source>
            <translation>运行时让每个人保持原位（布局不再随好友关系变化）。</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>Months a to b of the timeline as a video (MP4), an animated GIF, or the last month as PNG/SVG, sized for a slide.</source>
            <translation>把时间线中第 a 到 b 月导出为视频（MP4）或动画 GIF，或把最后一个月导出为 PNG/SVG，尺寸适合幻灯片。</translation>
        </message>
        <message>
            <source>New seed</source>
            <translation>新随机种子</translation>
        </message>
        <message>
            <source>One month (Right arrow)</source>
            <translation>前进一个月（右方向键）</translation>
        </message>
        <message>
            <source>One row per person and month so far: score, status, friends, community (CSV or Parquet).</source>
            <translation>至今每人每月一行：信用分、状态、好友、社区（CSV 或 Parquet）。</translation>
        </message>
        <message>
            <source>One shareable file with the scenario and its network file; scorenet run and Open scenario read it.</source>
            <translation>一个可分享的文件，包含情景及其网络文件；scorenet run 和“打开情景”都能读取。</translation>
        </message>
        <message>
            <source>Open &amp;network file…</source>
            <translation>打开网络文件(&amp;N)…</translation>
        </message>
        <message>
            <source>Open &amp;recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <source>Play or pause (Space)</source>
            <translation>播放或暂停（空格）</translation>
        </message>
        <message>
            <source>Re&amp;vert to saved</source>
            <translation>恢复到已保存版本(&amp;V)</translation>
        </message>
        <message>
            <source>Re-layout by current friendships</source>
            <translation>按当前好友关系重新布局</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>重置</translation>
        </message>
        <message>
            <source>Run a second rubric beside this one on the same people, network and seed.</source>
            <translation>在相同的人、网络和随机种子上，与当前规则并排运行第二套评分规则。</translation>
        </message>
        <message>
            <source>Save &amp;as…</source>
            <translation>另存为(&amp;A)…</translation>
        </message>
        <message>
            <source>Save as &amp;bundle…</source>
            <translation>另存为打包文件(&amp;B)…</translation>
        </message>
        <message>
            <source>Show dating ties</source>
            <translation>显示约会关系</translation>
        </message>
        <message>
            <source>Show friendships</source>
            <translation>显示好友关系</translation>
        </message>
        <message>
            <source>Start again at month 0 with the same seed (Ctrl+R)</source>
            <translation>用同一随机种子从第 0 月重新开始（Ctrl+R）</translation>
        </message>
        <message>
            <source>Start again with a fresh random seed</source>
            <translation>用新的随机种子重新开始</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>单步</translation>
        </message>
        <message>
            <source>Stop comparing</source>
            <translation>停止对比</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>跟随系统语言</translation>
        </message>
        <message>
            <source>Takes effect after a restart.</source>
            <translation>重启后生效。</translation>
        </message>
        <message>
            <source>The &amp;model in brief</source>
            <translation>模型简介(&amp;M)</translation>
        </message>
        <message>
            <source>The friendships and dates now, each person's score, status, group and community on the nodes: for Gephi (GEXF) or networkx and igraph (GraphML).</source>
            <translation>当前的好友和约会关系，节点上带有每个人的信用分、状态、群体和社区：用于 Gephi（GEXF）或 networkx 和 igraph（GraphML）。</translation>
        </message>
        <message>
            <source>The new language shows the next time ScoreNet starts.</source>
            <translation>新的语言将在下次启动 ScoreNet 时显示。</translation>
        </message>
        <message>
            <source>Timeline memory…</source>
            <translation>时间线内存…</translation>
        </message>
        <message>
            <source>Use a graph file (GraphML, GEXF, GML, edge list); applies on Reset.</source>
            <translation>使用图文件（GraphML、GEXF、GML、边列表）；重置后生效。</translation>
        </message>
    </context>
    <context>
        <name>mouse</name>
        <message>
            <source>1 friend</source>
            <translation>1 位好友</translation>
        </message>
        <message>
            <source>&lt;b&gt;{id}&lt;/b&gt;  (group {group})</source>
            <translation>&lt;b&gt;{id}&lt;/b&gt;（群体 {group}）</translation>
        </message>
        <message>
            <source>score {score:.0f} · {status}</source>
            <translation>信用分 {score:.0f} · {status}</translation>
        </message>
        <message>
            <source>{n} friends</source>
            <translation>{n} 位好友</translation>
        </message>
    </context>
    <context>
        <name>network_panel</name>
        <message>
            <source>Building the network…</source>
            <translation>正在构建网络…</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>适应窗口</translation>
        </message>
        <message>
            <source>Laying out {n:,} people…</source>
            <translation>正在为 {n:,} 人布局…</translation>
        </message>
        <message>
            <source>Show the whole network (or double-click it).</source>
            <translation>显示整个网络（或双击网络）。</translation>
        </message>
        <message>
            <source>Wheel: zoom · drag: pan · click a person: inspect</source>
            <translation>滚轮：缩放 · 拖动：平移 · 单击某人：查看详情</translation>
        </message>
        <message>
            <source>score</source>
            <translation>信用分</translation>
        </message>
    </context>
    <context>
        <name>people</name>
        <message>
            <source> (past)</source>
            <translation>（过去）</translation>
        </message>
        <message>
            <source>Month {step}</source>
            <translation>第 {step} 月</translation>
        </message>
        <message>
            <source>{caption}: month {step}</source>
            <translation>{caption}：第 {step} 月</translation>
        </message>
    </context>
    <context>
        <name>plain_words</name>
        <message>
            <source> - {points} per violation</source>
            <translation> - 每次违规 {points} 分</translation>
        </message>
        <message>
            <source>0, 1, 2, ... (one step is one month).</source>
            <translation>0、1、2……（一步为一个月）。</translation>
        </message>
        <message>
            <source>1 - Spearman correlation of scores now and 12 steps ago: 0 when no rank moved (NaN before step 12).</source>
            <translation>1 减去当前分数与 12 步之前分数的斯皮尔曼相关系数：排名完全没变时为 0（第 12 步之前为 NaN）。</translation>
        </message>
        <message>
            <source>AUC of this step's score for missing a payment next step, among participants (0.5: chance).</source>
            <translation>在参与者中，本步信用分预测下一步是否逾期的 AUC（0.5 为随机水平）。</translation>
        </message>
        <message>
            <source>Average number of friends</source>
            <translation>平均好友数</translation>
        </message>
        <message>
            <source>Average score (mean)</source>
            <translation>平均信用分（均值）</translation>
        </message>
        <message>
            <source>Behaviour and preferences: percentile of this month's platform spending among everyone who takes part.</source>
            <translation>行为偏好：本月平台消费额在所有参与者中的百分位。</translation>
        </message>
        <message>
            <source>Can people move up or down? (mobility)</source>
            <translation>人们能上升或下降吗？（流动性）</translation>
        </message>
        <message>
            <source>Credit history: 1 / (1 + missed payments, decayed).</source>
            <translation>信用历史：1 / (1 + 逾期次数，随时间衰减)。</translation>
        </message>
        <message>
            <source>Dating-match rate of the top quintile / that of the bottom quintile (NaN when undefined).</source>
            <translation>最高五分之一人群的约会配对率 / 最低五分之一人群的配对率（无定义时为 NaN）。</translation>
        </message>
        <message>
            <source>Do dates have similar scores? (dating assortativity)</source>
            <translation>约会对象分数相近吗？（约会同配性）</translation>
        </message>
        <message>
            <source>Do friends have similar scores? (assortativity)</source>
            <translation>好友的分数相近吗？（同配性）</translation>
        </message>
        <message>
            <source>Do high scorers get more dates? (match gap)</source>
            <translation>高分者约会更多吗？（配对差距）</translation>
        </message>
        <message>
            <source>Do high scorers have more friends? (degree gap)</source>
            <translation>高分者好友更多吗？（好友数差距）</translation>
        </message>
        <message>
            <source>Do scores split along friend circles? (stratification)</source>
            <translation>分数沿朋友圈分裂吗？（分层）</translation>
        </message>
        <message>
            <source>Does the score predict missed payments? (AUC)</source>
            <translation>信用分能预测逾期吗？（AUC）</translation>
        </message>
        <message>
            <source>Friends lost by opting out (opt-out gap)</source>
            <translation>退出后失去的好友（退出差距）</translation>
        </message>
        <message>
            <source>Fulfilment capacity: wealth percentile.</source>
            <translation>履约能力：财富百分位。</translation>
        </message>
        <message>
            <source>Gini</source>
            <translation>基尼系数</translation>
        </message>
        <message>
            <source>Gini coefficient of score - 350.</source>
            <translation>（信用分 - 350）的基尼系数。</translation>
        </message>
        <message>
            <source>How clustered is the network? (modularity)</source>
            <translation>网络的聚集程度如何？（模块度）</translation>
        </message>
        <message>
            <source>How far up do dating-app likes aim? (aim up)</source>
            <translation>约会应用中的“喜欢”向上瞄得多高？（向上追求）</translation>
        </message>
        <message>
            <source>How unequal are scores? (Gini)</source>
            <translation>信用分有多不平等？（基尼系数）</translation>
        </message>
        <message>
            <source>Interpersonal relationships: mean over friends (and current dates) of (score - 350) / 600, using last month's scores.</source>
            <translation>人脉关系：所有好友（及当前约会对象）的 (信用分 - 350) / 600 的平均值，使用上个月的分数。</translation>
        </message>
        <message>
            <source>Mean degree of participants minus mean degree of those who opted out (NaN if none opted out).</source>
            <translation>参与者的平均好友数减去退出者的平均好友数（无人退出时为 NaN）。</translation>
        </message>
        <message>
            <source>Mean degree of the top score quintile / mean degree of the bottom quintile.</source>
            <translation>信用分最高五分之一人群的平均好友数 / 最低五分之一人群的平均好友数。</translation>
        </message>
        <message>
            <source>Mean number of friends per person, 2 x friend ties / N.</source>
            <translation>每人平均好友数，2 × 好友关系数 / N。</translation>
        </message>
        <message>
            <source>Mean score of people ever scammed minus that of those never scammed (NaN if none).</source>
            <translation>曾被诈骗者的平均分减去从未被诈骗者的平均分（无人被骗时为 NaN）。</translation>
        </message>
        <message>
            <source>Mean score of the best-off group minus the worst-off group.</source>
            <translation>处境最好群体的平均分减去处境最差群体的平均分。</translation>
        </message>
        <message>
            <source>Mean score over everyone.</source>
            <translation>所有人的平均信用分。</translation>
        </message>
        <message>
            <source>Median score over everyone.</source>
            <translation>所有人的信用分中位数。</translation>
        </message>
        <message>
            <source>Modularity of a Louvain partition of the friendship graph (fixed seed).</source>
            <translation>好友关系图 Louvain 划分的模块度（固定随机种子）。</translation>
        </message>
        <message>
            <source>Month (step)</source>
            <translation>月份（步）</translation>
        </message>
        <message>
            <source>Number of connected components with two or more people.</source>
            <translation>两人及以上的连通分量个数。</translation>
        </message>
        <message>
            <source>Number of current dating ties (undirected).</source>
            <translation>当前约会关系数（无向）。</translation>
        </message>
        <message>
            <source>Number of dating ties</source>
            <translation>约会关系数</translation>
        </message>
        <message>
            <source>Number of friendship ties (undirected).</source>
            <translation>好友关系数（无向）。</translation>
        </message>
        <message>
            <source>Number of friendships</source>
            <translation>好友关系数</translation>
        </message>
        <message>
            <source>Over this step's likes: mean score - 350 of the liked / that of the likers, minus 1 (NaN without likes).</source>
            <translation>本步所有“喜欢”中：被喜欢者的平均 (信用分 - 350) / 发出者的平均 (信用分 - 350)，再减 1（没有“喜欢”时为 NaN）。</translation>
        </message>
        <message>
            <source>Pearson correlation of the scores at the two ends of current dating ties (empty: NaN).</source>
            <translation>当前约会关系两端信用分的皮尔逊相关系数（无约会时为 NaN）。</translation>
        </message>
        <message>
            <source>Pearson correlation of the scores at the two ends of friendship ties (Newman's numeric assortativity).</source>
            <translation>好友关系两端信用分的皮尔逊相关系数（Newman 数值同配系数）。</translation>
        </message>
        <message>
            <source>Personal characteristics: stability (identity, education, housing).</source>
            <translation>身份特质：稳定性（身份、学历、住房）。</translation>
        </message>
        <message>
            <source>Restricted share of the worst-off group minus that of the best-off.</source>
            <translation>处境最差群体的受限比例减去处境最好群体的受限比例。</translation>
        </message>
        <message>
            <source>Restriction gap between groups</source>
            <translation>群体间受限差距</translation>
        </message>
        <message>
            <source>Score = {lo} + {span} x ({parts})</source>
            <translation>信用分 = {lo} + {span} ×（{parts}）</translation>
        </message>
        <message>
            <source>Score gap between groups</source>
            <translation>群体间信用分差距</translation>
        </message>
        <message>
            <source>Score gap of scam victims (victim gap)</source>
            <translation>诈骗受害者的信用分差距（受害者差距）</translation>
        </message>
        <message>
            <source>Score undefined: every weight is zero</source>
            <translation>信用分无定义：所有权重都为零</translation>
        </message>
        <message>
            <source>Separate friend groups (components)</source>
            <translation>彼此分离的朋友群（连通分量）</translation>
        </message>
        <message>
            <source>Share in the largest connected group</source>
            <translation>最大连通群体中的人口比例</translation>
        </message>
        <message>
            <source>Share of people in the largest connected component.</source>
            <translation>最大连通分量中的人口比例。</translation>
        </message>
        <message>
            <source>Share of people opted out</source>
            <translation>退出者比例</translation>
        </message>
        <message>
            <source>Share of people opted out now.</source>
            <translation>当前已退出的人口比例。</translation>
        </message>
        <message>
            <source>Share of people privileged</source>
            <translation>享有特权者比例</translation>
        </message>
        <message>
            <source>Share of people restricted</source>
            <translation>受限者比例</translation>
        </message>
        <message>
            <source>Share of people whose score is at or above privileged_at.</source>
            <translation>信用分达到或超过 privileged_at 的人口比例。</translation>
        </message>
        <message>
            <source>Share of people whose score is below restricted_below.</source>
            <translation>信用分低于 restricted_below 的人口比例。</translation>
        </message>
        <message>
            <source>Share of people with no friends</source>
            <translation>没有好友的人口比例</translation>
        </message>
        <message>
            <source>Share of people with no friends.</source>
            <translation>没有好友的人口比例。</translation>
        </message>
        <message>
            <source>Share of score variance explained by the Louvain partition (between-community variance / total).</source>
            <translation>Louvain 划分所解释的信用分方差比例（社区间方差 / 总方差）。</translation>
        </message>
        <message>
            <source>Share of the bottom score fifth with no friends.</source>
            <translation>信用分最低五分之一人群中没有好友者的比例。</translation>
        </message>
        <message>
            <source>Share of the lowest fifth with no friends</source>
            <translation>最低五分之一人群中没有好友的比例</translation>
        </message>
        <message>
            <source>Typical score (median)</source>
            <translation>典型信用分（中位数）</translation>
        </message>
        <message>
            <source>aim up</source>
            <translation>向上追求</translation>
        </message>
        <message>
            <source>assortativity</source>
            <translation>同配性</translation>
        </message>
        <message>
            <source>bottom fifth isolated</source>
            <translation>最低五分之一孤立比例</translation>
        </message>
        <message>
            <source>components</source>
            <translation>连通分量</translation>
        </message>
        <message>
            <source>dating assortativity</source>
            <translation>约会同配性</translation>
        </message>
        <message>
            <source>dating ties</source>
            <translation>约会关系</translation>
        </message>
        <message>
            <source>degree gap</source>
            <translation>好友数差距</translation>
        </message>
        <message>
            <source>friend ties</source>
            <translation>好友关系</translation>
        </message>
        <message>
            <source>friends' scores</source>
            <translation>好友的信用分</translation>
        </message>
        <message>
            <source>giant component share</source>
            <translation>最大连通分量比例</translation>
        </message>
        <message>
            <source>group gap (points)</source>
            <translation>群体差距（分）</translation>
        </message>
        <message>
            <source>group restricted gap</source>
            <translation>群体受限差距</translation>
        </message>
        <message>
            <source>isolated share</source>
            <translation>孤立比例</translation>
        </message>
        <message>
            <source>match gap</source>
            <translation>配对差距</translation>
        </message>
        <message>
            <source>mean degree</source>
            <translation>平均度数</translation>
        </message>
        <message>
            <source>mean score</source>
            <translation>平均分</translation>
        </message>
        <message>
            <source>median score</source>
            <translation>中位数</translation>
        </message>
        <message>
            <source>mobility</source>
            <translation>流动性</translation>
        </message>
        <message>
            <source>modularity</source>
            <translation>模块度</translation>
        </message>
        <message>
            <source>normal</source>
            <translation>正常</translation>
        </message>
        <message>
            <source>opt-out gap (friends)</source>
            <translation>退出差距（好友数）</translation>
        </message>
        <message>
            <source>opted-out share</source>
            <translation>退出比例</translation>
        </message>
        <message>
            <source>payment record</source>
            <translation>还款记录</translation>
        </message>
        <message>
            <source>personal characteristics</source>
            <translation>身份特质</translation>
        </message>
        <message>
            <source>privileged</source>
            <translation>特权</translation>
        </message>
        <message>
            <source>privileged share</source>
            <translation>特权比例</translation>
        </message>
        <message>
            <source>restricted</source>
            <translation>受限</translation>
        </message>
        <message>
            <source>restricted share</source>
            <translation>受限比例</translation>
        </message>
        <message>
            <source>score AUC</source>
            <translation>信用分 AUC</translation>
        </message>
        <message>
            <source>spending</source>
            <translation>消费</translation>
        </message>
        <message>
            <source>step</source>
            <translation>步</translation>
        </message>
        <message>
            <source>stratification</source>
            <translation>分层</translation>
        </message>
        <message>
            <source>victim gap (points)</source>
            <translation>受害者差距（分）</translation>
        </message>
        <message>
            <source>wealth</source>
            <translation>财富</translation>
        </message>
    </context>
    <context>
        <name>plot</name>
        <message>
            <source>95% interval over seeds</source>
            <translation>各随机种子的 95% 区间</translation>
        </message>
        <message>
            <source>Choose parameters and values, then Run.</source>
            <translation>选择参数和取值，然后点击“运行”。</translation>
        </message>
        <message>
            <source>ScoreNet sweep: {name}, {seeds}, {done} of {n} runs</source>
            <translation>ScoreNet 参数扫描：{name}，{seeds}，{done} / {n} 次运行</translation>
        </message>
        <message>
            <source>all</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>each seed</source>
            <translation>每个随机种子</translation>
        </message>
        <message>
            <source>mean of {n} seed(s)</source>
            <translation>{n} 个随机种子的平均值</translation>
        </message>
        <message>
            <source>seeds</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <source>{n} seeds from {first}</source>
            <translation>从 {first} 开始的 {n} 个随机种子</translation>
        </message>
        <message>
            <source>{title} at month {step}</source>
            <translation>第 {step} 月的{title}</translation>
        </message>
    </context>
    <context>
        <name>presentation</name>
        <message>
            <source>&amp;Dashboard</source>
            <translation>仪表盘(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Presentation</source>
            <translation>演示模式(&amp;P)</translation>
        </message>
        <message>
            <source>Full screen for a projector: large text, only the network, the dashboard and the lesson (F11).</source>
            <translation>为投影仪全屏显示：大字号，只显示网络、仪表盘和课程（F11）。</translation>
        </message>
        <message>
            <source>Presentation &amp;text size</source>
            <translation>演示文字大小(&amp;T)</translation>
        </message>
        <message>
            <source>Show or hide the charts under the network (Ctrl+D); presenting starts without them, so the network fills the screen.</source>
            <translation>显示或隐藏网络下方的图表（Ctrl+D）；演示模式开始时不显示它们，让网络占满屏幕。</translation>
        </message>
    </context>
    <context>
        <name>presets</name>
        <message>
            <source>A fifth of people opt out and their missing data is scored as the worst: they end about 320 points below the others with 4 friends fewer. With mean imputation they end level.</source>
            <translation>五分之一的人选择退出，缺失的数据按最差情况计分：他们最终比其他人低约 320 分，好友少 4 位。若改用均值插补，他们最终与他人持平。</translation>
        </message>
        <message>
            <source>A worse-off minority (20% of people, two standard deviations lower stability) in a homophilous network: it is restricted about 9 to 17 percentage points more often than the majority.</source>
            <translation>同质化网络中一个处境较差的少数群体（占 20% 人口，稳定性低两个标准差）：其受限比例比多数群体高约 9 到 17 个百分点。</translation>
        </message>
        <message>
            <source>Default</source>
            <translation>默认</translation>
        </message>
        <message>
            <source>Facebook</source>
            <translation>Facebook</translation>
        </message>
        <message>
            <source>Friends count</source>
            <translation>好友计分</translation>
        </message>
        <message>
            <source>Friends' scores weigh 40% of one's own, ties are reviewed often and new friends sought among similar scores: the network sorts by score and splits, the low scorers cut off in small groups.</source>
            <translation>好友的分数占自己分数的 40%，关系经常被重新审视，新朋友在分数相近的人中寻找：网络按分数分化、分裂，低分者被隔绝在小群体里。</translation>
        </message>
        <message>
            <source>Frozen</source>
            <translation>冻结</translation>
        </message>
        <message>
            <source>Karate</source>
            <translation>空手道俱乐部</translation>
        </message>
        <message>
            <source>Minority</source>
            <translation>少数群体</translation>
        </message>
        <message>
            <source>Opt out</source>
            <translation>退出评分</translation>
        </message>
        <message>
            <source>Opt out choice</source>
            <translation>自愿退出</translation>
        </message>
        <message>
            <source>Opting out is a choice and free (neutral imputation): the low scorers leave, the pool's mean rises and more follow. Switch to a punitive imputation and everyone stays.</source>
            <translation>退出是自愿且无代价的（中性插补）：低分者离开，留下者的平均分上升，更多人随之离开。改用惩罚性插补，所有人都会留下。</translation>
        </message>
        <message>
            <source>Pure score diffusion: events, rewiring, churn and dating off; scores settle to the Friedkin-Johnsen equilibrium.</source>
            <translation>纯粹的分数扩散：关闭事件、重新连边、随机更替和约会；分数收敛到 Friedkin-Johnsen 均衡。</translation>
        </message>
        <message>
            <source>Scam victims</source>
            <translation>诈骗受害者</translation>
        </message>
        <message>
            <source>Scams twice as common and a five-year forgiveness half-life: victims end about 80 points below the others. With verified scam relief the gap closes to about 0.</source>
            <translation>诈骗频率加倍，宽恕半衰期为五年：受害者最终比其他人低约 80 分。若有经核实的诈骗救济，差距缩小到约 0。</translation>
        </message>
        <message>
            <source>Sesame Credit's reported weights on a 500-person small-world network; events, perks, friend sharing and the dating app all on. Calibrated: after ten years about 15% are restricted and the median is about 685.</source>
            <translation>500 人小世界网络上采用芝麻信用公开报道的权重；生活事件、特权、好友共享和约会应用全部开启。已校准：十年后约 15% 的人受限，中位数约为 685 分。</translation>
        </message>
        <message>
            <source>The SNAP ego-Facebook network: 4,039 people and 88,234 real friendships.</source>
            <translation>SNAP 的 ego-Facebook 网络：4,039 人和 88,234 段真实的好友关系。</translation>
        </message>
        <message>
            <source>Zachary's karate club, 34 people in two factions: small enough to follow each person.</source>
            <translation>Zachary 空手道俱乐部，34 人分成两派：人数少，可以逐一跟踪每个人。</translation>
        </message>
        <message>
            <source>default</source>
            <translation>默认</translation>
        </message>
        <message>
            <source>facebook</source>
            <translation>Facebook</translation>
        </message>
        <message>
            <source>friends_count</source>
            <translation>好友计分</translation>
        </message>
        <message>
            <source>frozen</source>
            <translation>冻结</translation>
        </message>
        <message>
            <source>karate</source>
            <translation>空手道俱乐部</translation>
        </message>
        <message>
            <source>minority</source>
            <translation>少数群体</translation>
        </message>
        <message>
            <source>opt_out</source>
            <translation>退出评分</translation>
        </message>
        <message>
            <source>opt_out_choice</source>
            <translation>自愿退出</translation>
        </message>
        <message>
            <source>scam_victims</source>
            <translation>诈骗受害者</translation>
        </message>
    </context>
    <context>
        <name>scales</name>
        <message>
            <source>Assortativity</source>
            <translation>同配性</translation>
        </message>
        <message>
            <source>Degree gap</source>
            <translation>好友数差距</translation>
        </message>
        <message>
            <source>Do friends score alike?</source>
            <translation>好友分数相近吗？</translation>
        </message>
        <message>
            <source>Gini</source>
            <translation>基尼系数</translation>
        </message>
        <message>
            <source>Grey line at 0: friends' scores unrelated.</source>
            <translation>0 处的灰线：好友的分数互不相关。</translation>
        </message>
        <message>
            <source>Grey line at 1: top and bottom fifths have as many friends.</source>
            <translation>1 处的灰线：最高与最低五分之一人群的好友一样多。</translation>
        </message>
        <message>
            <source>More friends at the top?</source>
            <translation>高分者好友更多吗？</translation>
        </message>
        <message>
            <source>No friends</source>
            <translation>没有好友</translation>
        </message>
        <message>
            <source>People restricted</source>
            <translation>受限人数比例</translation>
        </message>
        <message>
            <source>People with no friends</source>
            <translation>没有好友的人</translation>
        </message>
        <message>
            <source>Restricted</source>
            <translation>受限</translation>
        </message>
        <message>
            <source>Score inequality (Gini)</source>
            <translation>信用分不平等（基尼系数）</translation>
        </message>
        <message>
            <source>Scores split by circle?</source>
            <translation>分数按圈子分裂吗？</translation>
        </message>
        <message>
            <source>Stratification</source>
            <translation>分层</translation>
        </message>
    </context>
    <context>
        <name>schema</name>
        <message>
            <source>0 shows everyone equally; higher shows high scorers more.</source>
            <translation>0 表示每个人被展示的机会均等；越高，高分者被展示得越多。</translation>
        </message>
        <message>
            <source>0: groups of equal size; otherwise the last group (the worst off) has this share of the people, in generated networks and the SBM.</source>
            <translation>0：各群体人数相等；否则最后一个群体（处境最差者）占人口的这一比例（适用于生成的网络和 SBM）。</translation>
        </message>
        <message>
            <source>Asks per drop</source>
            <translation>每次断交后的邀约数</translation>
        </message>
        <message>
            <source>Average number of friends in a generated network.</source>
            <translation>生成网络中的平均好友数。</translation>
        </message>
        <message>
            <source>Behaviour and preferences</source>
            <translation>行为偏好</translation>
        </message>
        <message>
            <source>Candidates each user is shown per month.</source>
            <translation>每位用户每月看到的候选人数。</translation>
        </message>
        <message>
            <source>Care for friends' scores beyond the score's own incentive: added to the social weight's share when people weigh what a friend costs them.</source>
            <translation>在信用分本身的激励之外对好友分数的在意程度：人们衡量一位好友给自己带来的损失时，把它加到人脉权重的占比上。</translation>
        </message>
        <message>
            <source>Chance that a new friend is sought among friends of friends rather than at random.</source>
            <translation>在好友的好友中（而非随机）寻找新朋友的概率。</translation>
        </message>
        <message>
            <source>Chance that a person of average reliability misses a bill in a month.</source>
            <translation>可靠程度一般的人在一个月内逾期一笔账单的概率。</translation>
        </message>
        <message>
            <source>Communities are re-detected every k steps; between detections the last partition is reused to compute modularity and stratification. 0 (auto): every step up to 1,000 people, else every n / 100 steps (50 at 5,000 people).</source>
            <translation>每 k 步重新检测一次社区；两次检测之间沿用上一次的划分来计算模块度和分层。0（自动）：1,000 人以内每步检测，否则每 n / 100 步检测一次（5,000 人时为 50 步）。</translation>
        </message>
        <message>
            <source>Community detection</source>
            <translation>社区检测</translation>
        </message>
        <message>
            <source>Correlation between wealth and the propensity to pay on time.</source>
            <translation>财富与按时还款倾向之间的相关系数。</translation>
        </message>
        <message>
            <source>Credit history</source>
            <translation>信用历史</translation>
        </message>
        <message>
            <source>Date duration</source>
            <translation>约会持续时间</translation>
        </message>
        <message>
            <source>Dating activity</source>
            <translation>约会活跃度</translation>
        </message>
        <message>
            <source>Dating app</source>
            <translation>约会应用</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>描述</translation>
        </message>
        <message>
            <source>Difference in mean latent stability (standard deviations) between the best-off and worst-off group.</source>
            <translation>处境最好与最差的群体之间潜在稳定性均值的差（以标准差计）。</translation>
        </message>
        <message>
            <source>Drop sensitivity</source>
            <translation>断交敏感度</translation>
        </message>
        <message>
            <source>Each month some people compare their score in and out and switch when it pays.</source>
            <translation>每个月有些人比较参与和退出时的分数，划算时就切换。</translation>
        </message>
        <message>
            <source>Exposure bias</source>
            <translation>曝光偏向</translation>
        </message>
        <message>
            <source>Feed size</source>
            <translation>推荐人数</translation>
        </message>
        <message>
            <source>Fingerprint of the graph file when the scenario was saved; loading against a changed file says so. Empty: not checked.</source>
            <translation>保存情景时图文件的指纹；若文件已改变，加载时会提示。留空：不检查。</translation>
        </message>
        <message>
            <source>Fixed value for those who opted out</source>
            <translation>退出者的固定取值</translation>
        </message>
        <message>
            <source>Forgiveness half-life</source>
            <translation>宽恕半衰期</translation>
        </message>
        <message>
            <source>Friends see each other's scores and may drop low scorers.</source>
            <translation>好友能看到彼此的信用分，并可能疏远低分者。</translation>
        </message>
        <message>
            <source>Fulfilment capacity</source>
            <translation>履约能力</translation>
        </message>
        <message>
            <source>Graph file</source>
            <translation>图文件</translation>
        </message>
        <message>
            <source>Graph file SHA-256</source>
            <translation>图文件 SHA-256</translation>
        </message>
        <message>
            <source>GraphML, GEXF, GML, Pajek, edge or adjacency list, or a .scorenet bundle; relative paths are read from the scenario's folder.</source>
            <translation>GraphML、GEXF、GML、Pajek、边列表或邻接表，或 .scorenet 打包文件；相对路径从情景所在文件夹读取。</translation>
        </message>
        <message>
            <source>Group gap in stability</source>
            <translation>群体间稳定性差距</translation>
        </message>
        <message>
            <source>Groups</source>
            <translation>群体数</translation>
        </message>
        <message>
            <source>Highest chance of liking a candidate (with scores hidden, the chance for anyone).</source>
            <translation>对候选人点“喜欢”的最高概率（隐藏分数时，对任何人都是这个概率）。</translation>
        </message>
        <message>
            <source>Homophilous search</source>
            <translation>同质化择友</translation>
        </message>
        <message>
            <source>Homophily</source>
            <translation>同质性</translation>
        </message>
        <message>
            <source>How fast the drop chance grows per point gained beyond tolerance.</source>
            <translation>超出容忍度后，每多一分，断交概率增长的速度。</translation>
        </message>
        <message>
            <source>How many people someone who dropped a tie asks, at most, before giving up that month.</source>
            <translation>断交后的人在当月放弃之前，最多向多少人发出邀约。</translation>
        </message>
        <message>
            <source>Interpersonal relationships</source>
            <translation>人脉关系</translation>
        </message>
        <message>
            <source>Life events</source>
            <translation>生活事件</translation>
        </message>
        <message>
            <source>Like rate</source>
            <translation>“喜欢”概率</translation>
        </message>
        <message>
            <source>Like-back width</source>
            <translation>回应宽度</translation>
        </message>
        <message>
            <source>Louvain every k steps</source>
            <translation>每 k 步运行一次 Louvain</translation>
        </message>
        <message>
            <source>Mean degree</source>
            <translation>平均度数</translation>
        </message>
        <message>
            <source>Mean violations (traffic and the like) per person per month.</source>
            <translation>每人每月的平均违规次数（交通违规等）。</translation>
        </message>
        <message>
            <source>Minority share</source>
            <translation>少数群体比例</translation>
        </message>
        <message>
            <source>Miss probability multiplier for privileged people (loans smooth a bad month).</source>
            <translation>享有特权者的逾期概率乘数（贷款可以帮人渡过难关）。</translation>
        </message>
        <message>
            <source>Miss probability multiplier for restricted people (no loans).</source>
            <translation>受限者的逾期概率乘数（无法贷款）。</translation>
        </message>
        <message>
            <source>Missing data of those who opted out</source>
            <translation>退出者的缺失数据</translation>
        </message>
        <message>
            <source>Monthly chance of becoming a scam victim through no fault of one's own.</source>
            <translation>每月无端成为诈骗受害者的概率。</translation>
        </message>
        <message>
            <source>Monthly miss rate</source>
            <translation>每月逾期率</translation>
        </message>
        <message>
            <source>Months a dating tie lasts; while it does it counts as a friendship in the score.</source>
            <translation>一段约会关系持续的月数；期间它在信用分中按好友关系计算。</translation>
        </message>
        <message>
            <source>Months a victim misses every payment.</source>
            <translation>受害者每笔还款都逾期的月数。</translation>
        </message>
        <message>
            <source>Months for a missed payment or a violation to count half as much (inf: never forgotten).</source>
            <translation>一次逾期或违规的影响减半所需的月数（inf：永不遗忘）。</translation>
        </message>
        <message>
            <source>Months from the start of a scam until a verified victim's record is cleaned.</source>
            <translation>从诈骗开始到经核实的受害者记录被清除所需的月数。</translation>
        </message>
        <message>
            <source>Months of record before the start</source>
            <translation>开始前已有记录的月数</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Network kind</source>
            <translation>网络类型</translation>
        </message>
        <message>
            <source>Number of groups (neighbourhoods or classes) when the graph does not give them.</source>
            <translation>图中未给出群体时的群体数（社区或阶层）。</translation>
        </message>
        <message>
            <source>Number of people (ignored for karate and file networks, whose size is the graph's).</source>
            <translation>人数（空手道俱乐部和文件网络忽略此项，人数取自图本身）。</translation>
        </message>
        <message>
            <source>Number of steps (months) to run.</source>
            <translation>运行的步数（月数）。</translation>
        </message>
        <message>
            <source>Opt-out review rate</source>
            <translation>退出重审率</translation>
        </message>
        <message>
            <source>Opt-out share</source>
            <translation>退出比例</translation>
        </message>
        <message>
            <source>Opting out is a choice</source>
            <translation>可自愿退出</translation>
        </message>
        <message>
            <source>Payments, scams, violations and spending change each month; off freezes them.</source>
            <translation>还款、诈骗、违规和消费每月都会变化；关闭后它们保持不变。</translation>
        </message>
        <message>
            <source>People</source>
            <translation>人数</translation>
        </message>
        <message>
            <source>People start with this many months of ordinary payment and violation history (0: everyone starts with a clean record).</source>
            <translation>每个人开始时已有这么多个月的正常还款和违规记录（0：所有人从零记录开始）。</translation>
        </message>
        <message>
            <source>People use a dating app.</source>
            <translation>人们使用约会应用。</translation>
        </message>
        <message>
            <source>Perk effect on misses</source>
            <translation>特权对逾期的影响</translation>
        </message>
        <message>
            <source>Perk effect on spending</source>
            <translation>特权对消费的影响</translation>
        </message>
        <message>
            <source>Perks and restrictions</source>
            <translation>特权与限制</translation>
        </message>
        <message>
            <source>Personal characteristics</source>
            <translation>身份特质</translation>
        </message>
        <message>
            <source>Points a drop (or a refusal) must gain a person's own score before it counts.</source>
            <translation>断交（或拒绝）至少要让本人的分数提高这么多分，才值得去做。</translation>
        </message>
        <message>
            <source>Points a switch in or out must gain before a person bothers.</source>
            <translation>切换参与或退出至少要带来这么多分，人们才会去做。</translation>
        </message>
        <message>
            <source>Points over which the like chance goes from 27% to 73% of the like rate (the logistic's scale): larger is a gentler slope.</source>
            <translation>“喜欢”概率从“喜欢”率的 27% 升到 73% 所跨越的分数（逻辑函数的尺度）：越大，坡度越平缓。</translation>
        </message>
        <message>
            <source>Points per violation</source>
            <translation>每次违规扣分</translation>
        </message>
        <message>
            <source>Points subtracted per (decayed) violation.</source>
            <translation>每次（随时间衰减的）违规扣除的分数。</translation>
        </message>
        <message>
            <source>Privileged at</source>
            <translation>特权门槛</translation>
        </message>
        <message>
            <source>Privileged people get perks, restricted people lose access.</source>
            <translation>享有特权者获得优惠，受限者失去使用资格。</translation>
        </message>
        <message>
            <source>Random churn</source>
            <translation>随机更替</translation>
        </message>
        <message>
            <source>Random seed: the same scenario and seed give the same run, bit for bit.</source>
            <translation>随机种子：同一情景和种子得到逐位相同的运行结果。</translation>
        </message>
        <message>
            <source>Relief delay</source>
            <translation>救济延迟</translation>
        </message>
        <message>
            <source>Restricted below</source>
            <translation>受限门槛</translation>
        </message>
        <message>
            <source>Restricted people spend at most this multiple of the median person's wealth.</source>
            <translation>受限者的消费最多为中位数人群财富的这一倍数。</translation>
        </message>
        <message>
            <source>Restriction effect on misses</source>
            <translation>限制对逾期的影响</translation>
        </message>
        <message>
            <source>Review rate</source>
            <translation>关系审视率</translation>
        </message>
        <message>
            <source>SBM: share of a person's expected ties that fall inside their own group.</source>
            <translation>SBM：一个人的预期关系中落在本群体内部的比例。</translation>
        </message>
        <message>
            <source>Scam duration</source>
            <translation>诈骗持续时间</translation>
        </message>
        <message>
            <source>Scam rate</source>
            <translation>诈骗率</translation>
        </message>
        <message>
            <source>Scam relief</source>
            <translation>诈骗救济</translation>
        </message>
        <message>
            <source>Score at or above which people get perks.</source>
            <translation>达到或超过此分数的人享有特权。</translation>
        </message>
        <message>
            <source>Score below which people are restricted.</source>
            <translation>低于此分数的人受到限制。</translation>
        </message>
        <message>
            <source>Scores shown: half of the like rate goes to a candidate this many points below the user's own score; the chance rises smoothly above it and falls below.</source>
            <translation>显示分数时：对比自己低这么多分的候选人，“喜欢”概率为“喜欢”率的一半；高于此分数时概率平滑上升，低于时下降。</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <source>Selectivity</source>
            <translation>挑剔程度</translation>
        </message>
        <message>
            <source>Share of new-friend asks aimed at someone with a similar score (Holme-Newman).</source>
            <translation>结交新朋友的邀约中，对象为分数相近者的比例（Holme-Newman）。</translation>
        </message>
        <message>
            <source>Share of people who do not take part and have no data (at the start, when opting out is a choice).</source>
            <translation>不参与评分、没有数据的人口比例（在退出可自愿选择时，指开始时的比例）。</translation>
        </message>
        <message>
            <source>Share of people who reconsider taking part each month.</source>
            <translation>每月重新考虑是否参与的人口比例。</translation>
        </message>
        <message>
            <source>Share of people who replace a random tie each month, with no regard to score.</source>
            <translation>每月不考虑分数、随机更换一段关系的人口比例。</translation>
        </message>
        <message>
            <source>Share of people who review one of their ties each month.</source>
            <translation>每月重新审视自己一段关系的人口比例。</translation>
        </message>
        <message>
            <source>Share of people who use the app each month.</source>
            <translation>每月使用约会应用的人口比例。</translation>
        </message>
        <message>
            <source>Share scores with friends</source>
            <translation>与好友共享信用分</translation>
        </message>
        <message>
            <source>Short name shown in the window title.</source>
            <translation>显示在窗口标题中的简称。</translation>
        </message>
        <message>
            <source>Show scores on profiles</source>
            <translation>在个人资料中显示信用分</translation>
        </message>
        <message>
            <source>Sigma of the log-normal wealth draw: larger means spending is driven more by wealth and less by chance.</source>
            <translation>财富对数正态分布的 sigma：越大，消费越由财富决定、越少受运气影响。</translation>
        </message>
        <message>
            <source>Sigma of the monthly log-normal noise on spending.</source>
            <translation>每月消费对数正态噪声的 sigma。</translation>
        </message>
        <message>
            <source>Small-world rewiring</source>
            <translation>小世界重连概率</translation>
        </message>
        <message>
            <source>Social value when friendless</source>
            <translation>无好友时的人脉得分</translation>
        </message>
        <message>
            <source>Spending cap when restricted</source>
            <translation>受限时的消费上限</translation>
        </message>
        <message>
            <source>Spending multiplier for privileged people.</source>
            <translation>享有特权者的消费乘数。</translation>
        </message>
        <message>
            <source>Spending noise</source>
            <translation>消费噪声</translation>
        </message>
        <message>
            <source>Status seeking</source>
            <translation>攀比心</translation>
        </message>
        <message>
            <source>Steps</source>
            <translation>步数</translation>
        </message>
        <message>
            <source>Switch margin</source>
            <translation>切换门槛</translation>
        </message>
        <message>
            <source>The social component of a person with no friends (0 punishes isolation, 0.5 is neutral).</source>
            <translation>没有好友者的人脉得分（0 惩罚孤立，0.5 为中性）。</translation>
        </message>
        <message>
            <source>Tolerance (points gained)</source>
            <translation>容忍度（所得分数）</translation>
        </message>
        <message>
            <source>Triadic closure</source>
            <translation>三元闭合</translation>
        </message>
        <message>
            <source>Users see candidates' scores and aim up.</source>
            <translation>用户能看到候选人的信用分，并向上追求。</translation>
        </message>
        <message>
            <source>Violation rate</source>
            <translation>违规率</translation>
        </message>
        <message>
            <source>Watts-Strogatz rewiring probability.</source>
            <translation>Watts-Strogatz 重连概率。</translation>
        </message>
        <message>
            <source>Wealth inequality (sigma)</source>
            <translation>财富不平等（sigma）</translation>
        </message>
        <message>
            <source>Wealth-reliability correlation</source>
            <translation>财富与可靠程度的相关性</translation>
        </message>
        <message>
            <source>Weight of platform spending (percentile among participants).</source>
            <translation>平台消费的权重（在参与者中的百分位）。</translation>
        </message>
        <message>
            <source>Weight of stability (identity, education, housing).</source>
            <translation>稳定性的权重（身份、学历、住房）。</translation>
        </message>
        <message>
            <source>Weight of the friends' mean score from the previous step.</source>
            <translation>好友上一步平均分的权重。</translation>
        </message>
        <message>
            <source>Weight of the payment record, 1 / (1 + missed).</source>
            <translation>还款记录的权重，1 / (1 + 逾期次数)。</translation>
        </message>
        <message>
            <source>Weight of wealth (percentile).</source>
            <translation>财富的权重（百分位）。</translation>
        </message>
        <message>
            <source>What this scenario shows, in a sentence or two.</source>
            <translation>用一两句话说明这个情景展示了什么。</translation>
        </message>
        <message>
            <source>With optout_imputation = fixed, replaces every non-social component of people who opted out (0 punitive; 0.5 is not neutral, the participants' mean history is lower).</source>
            <translation>当 optout_imputation = fixed 时，用此值替换退出者除人脉外的所有维度（0 为惩罚性；0.5 并不中性，因为参与者的历史平均值更低）。</translation>
        </message>
        <message>
            <source>auto (Louvain below 50,000 people, Leiden from there: see docs/model.md), louvain (as MODEL.md asks) or leiden: much faster on large graphs without clear communities.</source>
            <translation>auto（5 万人以下用 Louvain，从 5 万人起用 Leiden：见 docs/model.md）、louvain（MODEL.md 的要求）或 leiden：在没有明显社区的大图上快得多。</translation>
        </message>
        <message>
            <source>mean: each component but social is the participants' mean that month (neutral); fixed: it is optout_value.</source>
            <translation>mean：除人脉外的每个维度取当月参与者的平均值（中性）；fixed：取 optout_value。</translation>
        </message>
        <message>
            <source>none: a scam's misses stay on the record; verified: they are removed relief_delay months after the scam began (victims are believed).</source>
            <translation>none：诈骗造成的逾期留在记录中；verified：诈骗开始 relief_delay 个月后删除这些逾期（受害者的说法被采信）。</translation>
        </message>
        <message>
            <source>watts_strogatz, barabasi_albert, sbm (groups with homophily), karate, or file.</source>
            <translation>watts_strogatz、barabasi_albert、sbm（具有同质性的群体）、karate 或 file。</translation>
        </message>
    </context>
    <context>
        <name>scrubber</name>
        <message>
            <source> of {cap}</source>
            <translation>（{cap}）</translation>
        </message>
        <message>
            <source>Back to the latest month; follow the run.</source>
            <translation>回到最新月份，跟随运行。</translation>
        </message>
        <message>
            <source>Drag to go back to any month kept; triangles mark setting changes.</source>
            <translation>拖动可回到任一保留的月份；三角形标出设置更改。</translation>
        </message>
        <message>
            <source>Live</source>
            <translation>实时</translation>
        </message>
        <message>
            <source>Month {k} (latest)</source>
            <translation>第 {k} 月（最新）</translation>
        </message>
        <message>
            <source>Month {k} of {last} (past)</source>
            <translation>第 {k} 月 / 共 {last} 月（过去）</translation>
        </message>
        <message>
            <source>Month {month}: {what}</source>
            <translation>第 {month} 月：{what}</translation>
        </message>
        <message>
            <source>The timeline keeps at most its memory cap{cap}: the oldest months were dropped. Change the cap in Simulation &gt; Timeline memory.</source>
            <translation>时间线最多只保留其内存上限{cap}以内的内容：最早的月份已被丢弃。可在“模拟 &gt; 时间线内存”中更改上限。</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>时间线</translation>
        </message>
        <message>
            <source>months 0-{last} dropped</source>
            <translation>已丢弃第 0-{last} 月</translation>
        </message>
    </context>
    <context>
        <name>start</name>
        <message>
            <source>(no message)</source>
            <translation>（无信息）</translation>
        </message>
        <message>
            <source>Internal error in the window: {kind}: {text}</source>
            <translation>窗口内部错误：{kind}：{text}</translation>
        </message>
        <message>
            <source>ScoreNet</source>
            <translation>ScoreNet</translation>
        </message>
        <message>
            <source>The default scenario is open instead.</source>
            <translation>已改为打开默认情景。</translation>
        </message>
    </context>
    <context>
        <name>story</name>
        <message>
            <source>&lt;i&gt;Reading the timeline…&lt;/i&gt;</source>
            <translation>&lt;i&gt;正在读取时间线…&lt;/i&gt;</translation>
        </message>
        <message>
            <source>Their story</source>
            <translation>他们的经历</translation>
        </message>
        <message>
            <source>Told from the months kept in the timeline: scams, status, friends lost and made, setting changes.</source>
            <translation>根据时间线中保留的月份讲述：诈骗、状态、失去和结交的好友、设置更改。</translation>
        </message>
        <message>
            <source>… {n} more months …</source>
            <translation>…… 另有 {n} 个月 ……</translation>
        </message>
    </context>
    <context>
        <name>story_words</name>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>1 friend</source>
            <translation>1 位好友</translation>
        </message>
        <message>
            <source>back to normal</source>
            <translation>恢复正常</translation>
        </message>
        <message>
            <source>has friends again</source>
            <translation>重新有了好友</translation>
        </message>
        <message>
            <source>lost 1 friend ({ids})</source>
            <translation>失去 1 位好友（{ids}）</translation>
        </message>
        <message>
            <source>lost {n} friends ({ids})</source>
            <translation>失去 {n} 位好友（{ids}）</translation>
        </message>
        <message>
            <source>made 1 new friend ({ids})</source>
            <translation>结交 1 位新朋友（{ids}）</translation>
        </message>
        <message>
            <source>made {n} new friends ({ids})</source>
            <translation>结交 {n} 位新朋友（{ids}）</translation>
        </message>
        <message>
            <source>month {month}: {text}</source>
            <translation>第 {month} 月：{text}</translation>
        </message>
        <message>
            <source>no friends left</source>
            <translation>一个好友也不剩</translation>
        </message>
        <message>
            <source>nothing else happened (month 0 to {last})</source>
            <translation>再没有发生别的事（第 0 月到第 {last} 月）</translation>
        </message>
        <message>
            <source>off</source>
            <translation>关</translation>
        </message>
        <message>
            <source>on</source>
            <translation>开</translation>
        </message>
        <message>
            <source>people {ids}</source>
            <translation>第 {ids} 号</translation>
        </message>
        <message>
            <source>person {ids}</source>
            <translation>第 {ids} 号</translation>
        </message>
        <message>
            <source>privileged</source>
            <translation>特权</translation>
        </message>
        <message>
            <source>restricted</source>
            <translation>受限</translation>
        </message>
        <message>
            <source>scammed: every payment fails while it lasts</source>
            <translation>遭遇诈骗：诈骗持续期间每笔还款都失败</translation>
        </message>
        <message>
            <source>score {score}, {friends}</source>
            <translation>信用分 {score}，{friends}</translation>
        </message>
        <message>
            <source>setting changed for everyone: {what}</source>
            <translation>设置已更改（对所有人）：{what}</translation>
        </message>
        <message>
            <source>the scam is over (was scammed)</source>
            <translation>诈骗结束（曾遭诈骗）</translation>
        </message>
        <message>
            <source>{a}, {b}</source>
            <translation>{a}，{b}</translation>
        </message>
        <message>
            <source>{ids} and {more} more</source>
            <translation>{ids}，另有 {more} 人</translation>
        </message>
        <message>
            <source>{n} friends</source>
            <translation>{n} 位好友</translation>
        </message>
        <message>
            <source>{status} (score {score})</source>
            <translation>{status}（信用分 {score}）</translation>
        </message>
        <message>
            <source>{what} {old} -&gt; {new}</source>
            <translation>{what} {old} → {new}</translation>
        </message>
    </context>
    <context>
        <name>sweep_panel</name>
        <message>
            <source>%v / %m runs</source>
            <translation>%v / %m 次运行</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>CSV table (*.csv)</source>
            <translation>CSV 表格 (*.csv)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Cancelling: %v / %m runs</source>
            <translation>正在取消：%v / %m 次运行</translation>
        </message>
        <message>
            <source>Click a point to open that run in the main view.</source>
            <translation>单击一个点，在主视图中打开那次运行。</translation>
        </message>
        <message>
            <source>Every grid point runs this many seeds, from the scenario's.</source>
            <translation>每个网格点运行这么多个随机种子，从情景的种子开始。</translation>
        </message>
        <message>
            <source>Export plot…</source>
            <translation>导出图表…</translation>
        </message>
        <message>
            <source>Export sweep plot</source>
            <translation>导出参数扫描图表</translation>
        </message>
        <message>
            <source>Export sweep table</source>
            <translation>导出参数扫描表格</translation>
        </message>
        <message>
            <source>Export table…</source>
            <translation>导出表格…</translation>
        </message>
        <message>
            <source>Metric</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>Opened the run at {where}, seed {seed}.</source>
            <translation>已打开 {where} 处的运行，随机种子 {seed}。</translation>
        </message>
        <message>
            <source>PNG image (*.png);;SVG image (*.svg)</source>
            <translation>PNG 图片 (*.png);;SVG 图片 (*.svg)</translation>
        </message>
        <message>
            <source>Parameter</source>
            <translation>参数</translation>
        </message>
        <message>
            <source>Processes running at once (one per core is usually best).</source>
            <translation>同时运行的进程数（通常每个 CPU 核心一个最好）。</translation>
        </message>
        <message>
            <source>Run sweep</source>
            <translation>运行参数扫描</translation>
        </message>
        <message>
            <source>Second parameter</source>
            <translation>第二个参数</translation>
        </message>
        <message>
            <source>Seeds</source>
            <translation>随机种子数</translation>
        </message>
        <message>
            <source>Steps</source>
            <translation>步数</translation>
        </message>
        <message>
            <source>Sweep</source>
            <translation>参数扫描</translation>
        </message>
        <message>
            <source>Sweep cancelled: {done} of {n} runs.</source>
            <translation>参数扫描已取消：完成 {done} / {n} 次运行。</translation>
        </message>
        <message>
            <source>Sweep failed: </source>
            <translation>参数扫描失败：</translation>
        </message>
        <message>
            <source>Sweep finished: {done} of {n} runs.</source>
            <translation>参数扫描完成：{done} / {n} 次运行。</translation>
        </message>
        <message>
            <source>Sweep: {n} runs of {steps} steps started.</source>
            <translation>参数扫描：已开始 {n} 次运行，每次 {steps} 步。</translation>
        </message>
        <message>
            <source>V1, V2, ... or START:STOP:COUNT</source>
            <translation>V1, V2, ... 或 起点:终点:个数</translation>
        </message>
        <message>
            <source>Values as in scorenet sweep --vary: a list, or COUNT evenly spaced values from START to STOP.</source>
            <translation>取值写法同 scorenet sweep --vary：一个列表，或从起点到终点均匀分布的“个数”个值。</translation>
        </message>
        <message>
            <source>Workers</source>
            <translation>工作进程数</translation>
        </message>
        <message>
            <source>Wrote {path}.</source>
            <translation>已写入 {path}。</translation>
        </message>
        <message>
            <source>the scenario</source>
            <translation>情景本身</translation>
        </message>
        <message>
            <source>write values as a list (0.1, 0.3) or as START:STOP:COUNT</source>
            <translation>请把取值写成列表（0.1, 0.3）或 起点:终点:个数</translation>
        </message>
    </context>
    <context>
        <name>theme</name>
        <message>
            <source>
&lt;h3&gt;ScoreNet&lt;/h3&gt;
&lt;p&gt;Simulates what a social credit score, like Alibaba's Sesame Credit ({lo} to {hi}),
does to a society: who is friends with whom, who dates whom, and who gets stuck.&lt;/p&gt;
&lt;p&gt;Same scenario and seed give the same run as &lt;code&gt;scorenet run&lt;/code&gt;, bit for bit.
Scenario files are plain TOML; every parameter is in them.&lt;/p&gt;
&lt;p&gt;Mouse: wheel to zoom, drag to pan, click a person to inspect them, double-click to
fit the network. Keys: Space play/pause, Right one step, Ctrl+R reset.&lt;/p&gt;
</source>
            <translation>
&lt;h3&gt;ScoreNet&lt;/h3&gt;
&lt;p&gt;模拟社会信用分（如阿里巴巴的芝麻信用，{lo} 到 {hi} 分）对一个社会的影响：谁和谁做朋友，谁和谁约会，谁被困在底层。&lt;/p&gt;
&lt;p&gt;同一情景、同一随机种子得到的运行结果与 &lt;code&gt;scorenet run&lt;/code&gt; 完全一致，逐位相同。情景文件是纯 TOML 文本，包含全部参数。&lt;/p&gt;
&lt;p&gt;鼠标：滚轮缩放，拖动平移，单击某人查看其详情，双击使网络适应窗口。按键：空格 播放/暂停，右方向键 前进一步，Ctrl+R 重置。&lt;/p&gt;
</translation>
        </message>
        <message>
            <source>
&lt;h3&gt;The model in brief&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;People and ties.&lt;/b&gt; N people on a friendship network, plus dating ties. Each has
wealth, a reliability to pay on time, personal stability, a group, and may have opted
out. One step is one month.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;The score&lt;/b&gt; ({lo} to {hi}) is a weighted sum of five components, each in [0, 1]:
credit history &lt;i&gt;1 / (1 + missed payments)&lt;/i&gt;, fulfilment capacity (wealth
percentile), personal characteristics (stability), behaviour (spending percentile) and
interpersonal relationships (friends' mean score last month):&lt;/p&gt;
&lt;p align="center"&gt;&lt;i&gt;score = {lo} + {span} &amp;times; &amp;Sigma; (w&lt;sub&gt;k&lt;/sub&gt; / &amp;Sigma;w)
x&lt;sub&gt;k&lt;/sub&gt; &amp;minus; violation points&lt;/i&gt;&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Life events.&lt;/b&gt; Bills are paid or missed, scams strike through no fault of one's
own, violations arrive; old mistakes fade with the forgiveness half-life.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Perks and restrictions.&lt;/b&gt; Above the privileged threshold people get perks (loans,
deposit-free renting) that make missing a bill rarer; below the restricted threshold
they lose them, which makes it likelier: a feedback loop.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Friend sharing.&lt;/b&gt; When friends see each other's scores and friends' scores count,
people drop low-scoring friends and seek similar ones. &lt;b&gt;Dating app.&lt;/b&gt; Showing scores
makes people aim up; matches last a few months.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;What to watch.&lt;/b&gt; Assortativity (friends with similar scores), stratification
(scores split along friend circles), restricted and isolated shares, inequality (Gini),
and the degree gap (do high scorers have more friends?). Hover over a plot for the
exact definition.&lt;/p&gt;
</source>
            <translation>
&lt;h3&gt;模型简介&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;人与关系。&lt;/b&gt;N 个人处在一张好友网络上，另有约会关系。每个人有财富、按时还款的可靠程度、个人稳定性和所属群体，也可能已经退出评分。一步就是一个月。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;信用分&lt;/b&gt;（{lo} 到 {hi} 分）是五个维度的加权和，每个维度取值在 [0, 1]：信用历史 &lt;i&gt;1 / (1 + 逾期次数)&lt;/i&gt;、履约能力（财富百分位）、身份特质（稳定性）、行为偏好（消费百分位）和人脉关系（好友上个月的平均分）：&lt;/p&gt;
&lt;p align="center"&gt;&lt;i&gt;信用分 = {lo} + {span} &amp;times; &amp;Sigma; (w&lt;sub&gt;k&lt;/sub&gt; / &amp;Sigma;w) x&lt;sub&gt;k&lt;/sub&gt; &amp;minus; 违规扣分&lt;/i&gt;&lt;/p&gt;
&lt;p&gt;&lt;b&gt;生活事件。&lt;/b&gt;账单按时支付或逾期，诈骗会无端降临，违规也时有发生；旧的过失按宽恕半衰期逐渐淡去。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;特权与限制。&lt;/b&gt;高于特权门槛的人享有优惠（贷款、免押金租赁），逾期因此更少；低于受限门槛的人失去这些优惠，逾期因此更多：这是一个反馈循环。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;好友共享。&lt;/b&gt;当好友能看到彼此的信用分、且好友的分数计入自己的分数时，人们会疏远低分好友，去结交分数相近的人。&lt;b&gt;约会应用。&lt;/b&gt;显示信用分会让人们“向上”追求；配对会持续几个月。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;值得关注的指标。&lt;/b&gt;同配性（好友分数是否相近）、分层（分数是否沿朋友圈分裂）、受限者与孤立者的比例、不平等程度（基尼系数），以及好友数差距（高分者是否有更多好友？）。把鼠标停在图表上可看到准确定义。&lt;/p&gt;
</translation>
        </message>
    </context>
    <context>
        <name>ties</name>
        <message>
            <source>Showing {shown:,} of {m:,} friendships (a fixed sample).</source>
            <translation>显示 {m:,} 段好友关系中的 {shown:,} 段（固定样本）。</translation>
        </message>
    </context>
    <context>
        <name>timeline</name>
        <message>
            <source>Error: </source>
            <translation>错误：</translation>
        </message>
        <message>
            <source>Find person by id</source>
            <translation>按编号查找人员</translation>
        </message>
        <message>
            <source>No person with id {id}.</source>
            <translation>没有编号为 {id} 的人。</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>时间线</translation>
        </message>
        <message>
            <source>Type a person's id and press Enter to select them.</source>
            <translation>输入一个人的编号并按回车键选中他。</translation>
        </message>
    </context>
    <context>
        <name>transport</name>
        <message>
            <source>Month 0</source>
            <translation>第 0 月</translation>
        </message>
        <message>
            <source>Month {step}</source>
            <translation>第 {step} 月</translation>
        </message>
        <message>
            <source>Month {step} (ends at {of})</source>
            <translation>第 {step} 月（在第 {of} 月结束）</translation>
        </message>
        <message>
            <source>Month {step} / {of}</source>
            <translation>第 {step} 月 / {of}</translation>
        </message>
        <message>
            <source>Speed</source>
            <translation>速度</translation>
        </message>
        <message>
            <source>Steps (months) per second while playing; far right: as fast as the computer can.</source>
            <translation>播放时每秒的步数（月数）；拉到最右：以计算机的最快速度运行。</translation>
        </message>
        <message>
            <source>Steps taken since the last Reset (one step is one month).</source>
            <translation>自上次重置以来走过的步数（一步为一个月）。</translation>
        </message>
        <message>
            <source>max speed</source>
            <translation>最快速度</translation>
        </message>
        <message>
            <source>{n:g} step/s</source>
            <translation>每秒 {n:g} 步</translation>
        </message>
        <message>
            <source>{n:g} steps/s</source>
            <translation>每秒 {n:g} 步</translation>
        </message>
    </context>
    <context>
        <name>undo</name>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <source>Compare with B ({what} {value})</source>
            <translation>与 B 对比（{what} {value}）</translation>
        </message>
        <message>
            <source>Open {name}</source>
            <translation>打开 {name}</translation>
        </message>
        <message>
            <source>Scam person {who}</source>
            <translation>诈骗第 {who} 号</translation>
        </message>
        <message>
            <source>Scam stopped from this month on; the months already missed stay on the record.</source>
            <translation>从本月起停止诈骗；已经逾期的月份仍留在记录中。</translation>
        </message>
        <message>
            <source>Scam undone.</source>
            <translation>已撤销诈骗。</translation>
        </message>
        <message>
            <source>never</source>
            <translation>永不</translation>
        </message>
        <message>
            <source>no change</source>
            <translation>没有变化</translation>
        </message>
        <message>
            <source>off</source>
            <translation>关</translation>
        </message>
        <message>
            <source>on</source>
            <translation>开</translation>
        </message>
        <message>
            <source>{n} parameters</source>
            <translation>{n} 个参数</translation>
        </message>
    </context>
    <context>
        <name>widgets</name>
        <message>
            <source>Person</source>
            <translation>人员</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>信用分</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>from friends</source>
            <translation>来自好友</translation>
        </message>
        <message>
            <source>violations: -{points:.0f} points</source>
            <translation>违规：-{points:.0f} 分</translation>
        </message>
        <message>
            <source>{part}: +{points:.0f} points</source>
            <translation>{part}：+{points:.0f} 分</translation>
        </message>
    </context>
</TS>
