<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../qa_desktop/ui/about_dialog.py" line="+18"/>
        <source>QA Desktop {version}
Product incidents, the regulatory response flow and OCHIBO-HIROI cause analyses.

Database: {database}
Backend: {backend}
Settings: {settings}

Python {python}, Qt {qt}, PySide6 {pyside}
Japanese text is shown with the IPAexGothic font (IPA Font License).</source>
        <translation>QA Desktop {version}
製品事故の記録、法令に基づく対応フロー、落穂拾い（OCHIBO-HIROI）による原因分析。

データベース: {database}
バックエンド: {backend}
設定ファイル: {settings}

Python {python}、Qt {qt}、PySide6 {pyside}
日本語の表示には IPAex ゴシック フォント（IPA フォントライセンス）を使用しています。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>About QA Desktop</source>
        <translation>QA Desktop について</translation>
    </message>
</context>
<context>
    <name>AnalysisEditor</name>
    <message>
        <location filename="../../qa_desktop/ui/cause_graph/editor_window.py" line="+112"/>
        <source>Cause graph</source>
        <extracomment>Saved, imported or closed: carries the incident&apos;s reference. The user asked to open another incident&apos;s analysis (from the similar incidents).</extracomment>
        <translation>原因グラフ</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Countermeasures</source>
        <translation>再発防止策</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layers</source>
        <translation>要因区分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yokoten</source>
        <translation>横展開</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Similar past incidents</source>
        <translation>類似の過去事故</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Countermeasures and lessons</source>
        <translation>再発防止策と教訓</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Analysis of {reference}</source>
        <translation>{reference} の原因分析</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Opening the analysis of {reference}…</source>
        <translation>{reference} の原因分析を開いています…</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Reload the analysis</source>
        <translation>原因分析を読み込み直す</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reloading discards your unsaved changes.</source>
        <translation>読み込み直すと、保存していない変更は失われます。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Save the analysis first: evidence is kept for a saved cause.</source>
        <translation>先に原因分析を保存してください。証拠資料は保存済みの原因にのみ追加できます。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>evidence</source>
        <translation>証拠資料</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not saved: changing a closed analysis needs a reason.</source>
        <translation>保存されていません。完了した原因分析の変更には理由が必要です。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved version {version}.</source>
        <translation>版 {version} を保存しました。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Import an analysis</source>
        <translation>原因分析の取り込み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importing replaces the analysis and discards your unsaved changes.</source>
        <translation>取り込むと原因分析が置き換えられ、保存していない変更は失われます。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The file holds the saved analysis; your unsaved changes are not in it.</source>
        <translation>ファイルには保存済みの原因分析が書き出されます。保存していない変更は含まれません。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The analysis is closed and signed.</source>
        <translation>原因分析は署名済みで完了しています。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The analysis of {reference} has changes that are not saved.</source>
        <translation>{reference} の原因分析には保存していない変更があります。</translation>
    </message>
    <message>
        <location filename="../../qa_desktop/ui/cause_graph/editor_questions.py" line="+13"/>
        <source>Reason for the change</source>
        <translation>変更の理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The analysis is closed and signed. Why is it being changed? Saving reopens it, and the reason is kept in its history.</source>
        <translation>この原因分析は署名済みで完了しています。変更する理由を入力してください。保存すると原因分析は再開され、理由は履歴に残ります。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Someone else saved this analysis</source>
        <translation>他のユーザーがこの原因分析を保存しました</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Someone else saved the analysis of {reference} after you opened it (it is now version {version}). Your changes are not saved. Reload their version (your changes are lost), or keep editing and export yours to compare.</source>
        <translation>あなたが開いた後、他のユーザーが {reference} の原因分析を保存しました（現在は版 {version}）。あなたの変更は保存されていません。相手の版を読み込む（あなたの変更は失われます）か、編集を続けて自分の版を書き出し、見比べてください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reload their version</source>
        <translation>相手の版を読み込む</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep editing</source>
        <translation>編集を続ける</translation>
    </message>
    <message>
        <location filename="../../qa_desktop/ui/cause_graph/wording.py" line="+94"/>
        <source>Opening…</source>
        <translation>開いています…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closed, signed by {who} on {when} ({meaning})</source>
        <translation>完了（{when} に {who} が署名: {meaning}）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the signature no longer matches the analysis</source>
        <translation>署名が現在の分析内容と一致しません</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Closed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draft, version {version}</source>
        <translation>作成中（版 {version}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unsaved changes</source>
        <translation>未保存の変更あり</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>read only</source>
        <translation>閲覧のみ</translation>
    </message>
</context>
<context>
    <name>AnalysisFiles</name>
    <message>
        <location filename="../../qa_desktop/ui/cause_graph/analysis_files.py" line="+33"/>
        <source>GraphML (*.graphml)</source>
        <translation>GraphML (*.graphml)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Graphviz DOT (*.gv *.dot)</source>
        <translation>Graphviz DOT (*.gv *.dot)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node-link JSON (*.json)</source>
        <translation>ノードリンク JSON (*.json)</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Export the analysis as {format}</source>
        <extracomment>A short outcome for the status bar. An import replaced the analysis: carries the new record. An evidence file was kept for a cause: carries its :class:`EvidenceView`.</extracomment>
        <translation>原因分析を {format} として書き出す</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Exported the saved analysis to {file}.</source>
        <translation>保存済みの原因分析を {file} に書き出しました。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cause graphs (*.graphml *.gv *.dot *.json)</source>
        <translation>原因グラフ (*.graphml *.gv *.dot *.json)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import an analysis</source>
        <translation>原因分析の取り込み</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Imported {file}.</source>
        <translation>{file} を取り込みました。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Evidence for {cause}</source>
        <translation>{cause} の証拠資料</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>No program could open {file}; a copy is at {path}.</source>
        <translation>{file} を開けるプログラムがありませんでした。コピーは {path} にあります。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save the 8D report</source>
        <translation>8D レポートの保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文書 (*.pdf)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Saved the 8D report of the saved analysis to {file}.</source>
        <translation>保存済みの原因分析の 8D レポートを {file} に保存しました。</translation>
    </message>
</context>
<context>
    <name>AnalysisMenu</name>
    <message>
        <location filename="../../qa_desktop/ui/cause_graph/entry.py" line="+51"/>
        <source>&amp;Open analysis of selected incident</source>
        <translation>選択した事故の原因分析を開く(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the OCHIBO-HIROI cause analysis of the incident the cursor is on</source>
        <translation>カーソル位置の事故の落穂拾い（OCHIBO-HIROI）原因分析を開きます</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Search lessons…</source>
        <translation>教訓を検索(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find past analyses by product, component, failure mode, cause or layer</source>
        <translation>製品・部品・故障モード・原因・要因区分で過去の原因分析を検索します</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Recurring causes…</source>
        <translation>繰り返す原因(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Causes that recur across incidents, products and years</source>
        <translation>事故・製品・年をまたいで繰り返し現れる原因</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Analysis</source>
        <translation>原因分析(&amp;A)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Select an incident first, then open its analysis.</source>
        <translation>先に事故を選択してから、その原因分析を開いてください。</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../qa_desktop/ui/application.py" line="+150"/>
        <source>QA Desktop cannot start</source>
        <extracomment>How long after start the response-flow and rule files are checked.</extracomment>
        <translation>QA Desktop を起動できません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A response-flow or rule file is invalid, so deadlines cannot be computed safely:

{problem}

Ask a QA division head to correct the file.</source>
        <translation>対応フローまたはルールのファイルが正しくないため、期限を安全に計算できません:

{problem}

QA 部門長にファイルの修正を依頼してください。</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../qa_desktop/ui/attachments_panel.py" line="+111"/>
        <source>Attachments can be added once the incident is saved: save it first (Ctrl+S).</source>
        <extracomment>Files were added to the incident; carries its reference.</extracomment>
        <translation>添付ファイルは事故を保存した後に追加できます。先に保存してください (Ctrl+S)。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your role may open these files but not add new ones.</source>
        <translation>あなたの役割では、これらのファイルを開くことはできますが、追加はできません。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{size} bytes</source>
        <translation>{size} バイト</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Attach files to the incident</source>
        <translation>事故にファイルを添付</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save the incident first: attachments can be added only to a saved one.</source>
        <translation>先に事故を保存してください。添付ファイルは保存済みの事故にのみ追加できます。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Not attached:
{files}</source>
        <translation>添付されなかったファイル:
{files}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not a file (folders cannot be attached).</source>
        <translation>ファイルではありません（フォルダーは添付できません）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>larger than {size}, the most an attachment may be.</source>
        <translation>添付できる上限の {size} を超えています。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>could not be read ({reason}).</source>
        <translation>読み込めませんでした（{reason}）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused ({reason}).</source>
        <translation>受け付けられませんでした（{reason}）。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No program could open {file}; a copy is at {path}.</source>
        <translation>{file} を開けるプログラムがありませんでした。コピーは {path} にあります。</translation>
    </message>
    <message>
        <location filename="../../forms/attachments_panel.ui" line="+5"/>
        <location line="+16"/>
        <source>Attachments</source>
        <translation>添付ファイル</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>&amp;Files kept with this incident:</source>
        <translation>この事故の添付ファイル(&amp;F):</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added by</source>
        <translation>追加した人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added at</source>
        <translation>追加日時</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Add files…</source>
        <translation>ファイルを追加(&amp;A)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open</source>
        <translation>開く(&amp;O)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You can also drop files here.</source>
        <translation>ここにファイルをドロップして追加することもできます。</translation>
    </message>
</context>
<context>
    <name>CauseGraph</name>
    <message>
        <location filename="../../qa_desktop/ui/cause_graph/wording.py" line="-87"/>
        <source>Technical</source>
        <translation>技術的要因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Process</source>
        <translation>プロセス要因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Framework</source>
        <translation>仕組み要因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motivation</source>
        <translation>動機要因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown (?)</source>
        <translation>不明 (?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hypothesis</source>
        <translation>仮説</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ruled out</source>
        <translation>否定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AND</source>
        <translation>AND</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OR</source>
        <translation>OR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inherently safe design</source>
        <translation>本質的安全設計</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safeguard</source>
        <translation>安全防護</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Information for use</source>
        <translation>使用上の情報</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>未確認</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undecided</source>
        <translation>未決定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip</source>
        <translation>見送り</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test report</source>
        <translation>試験報告書</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photo</source>
        <translation>写真</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measurement</source>
        <translation>測定データ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interview notes</source>
        <translation>聞き取り記録</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>文書</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hypothesis</source>
        <translation>仮説</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>confirmed</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ruled out</source>
        <translation>否定</translation>
    </message>
    <message>
        <location filename="../../qa_desktop/ui/cause_graph/items.py" line="+138"/>
        <source>Incident {reference}</source>
        <translation>事故 {reference}</translation>
    </message>
    <message>
        <location line="+231"/>
        <source>{kind} gate {id}: {causes}</source>
        <translation>{kind} ゲート {id}: {causes}</translation>
    </message>
</context>
<context>
    <name>CausePanel</name>
    <message>
        <location filename="../../qa_desktop/ui/cause_graph/cause_panel.py" line="+62"/>
        <location line="+141"/>
        <source>Select a cause to see its properties.</source>
        <extracomment>A field was changed: the cause as it should now be, and the field&apos;s name for undo. The user asked to add an evidence file to this cause (carries its id). The user asked to open a stored evidence file (carries the file&apos;s id).</extracomment>
        <translation>原因を選択すると、その内容が表示されます。</translation>
    </message>
    <message>
        <location line="-138"/>
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layer</source>
        <translation>要因区分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Component</source>
        <translation>部品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failure mode</source>
        <translation>故障モード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identified on</source>
        <translation>特定日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved on</source>
        <translation>解決日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Evidence</source>
        <translation>証拠資料</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add evidence &amp;file…</source>
        <translation>証拠資料ファイルを追加(&amp;F)…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Title:</source>
        <translation>件名(&amp;T):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Layer:</source>
        <translation>要因区分(&amp;L):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status:</source>
        <translation>状況(&amp;S):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Owner:</source>
        <translation>担当者(&amp;O):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Component:</source>
        <translation>部品(&amp;C):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Failure mode:</source>
        <translation>故障モード(&amp;F):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Identified on:</source>
        <translation>特定日(&amp;I):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resolved on:</source>
        <translation>解決日(&amp;R):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>内容(&amp;D):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Evidence:</source>
        <translation>証拠資料(&amp;E):</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The incident (the effect at the root):
{facts}</source>
        <translation>事故（根本にある結果事象）:
{facts}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cause {id}</source>
        <translation>原因 {id}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{label} — {kind}, added by {who}</source>
        <translation>{label} — {kind}（追加: {who}）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>SHA-256 {checksum}</source>
        <translation>SHA-256 {checksum}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{count} of {limit} characters</source>
        <translation>{count} / {limit} 文字</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>{field}: “{text}” is not a date such as 2026-04-01.</source>
        <translation>{field}: 「{text}」は 2026-04-01 のような日付ではありません。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>title</source>
        <translation>件名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>layer</source>
        <translation>要因区分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <translation>状況</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>component</source>
        <translation>部品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failure mode</source>
        <translation>故障モード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>description</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date identified</source>
        <translation>特定日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date resolved</source>
        <translation>解決日</translation>
    </message>
</context>
<context>
    <name>ChoiceButton</name>
    <message>
        <location filename="../../qa_desktop/ui/choice_button.py" line="+36"/>
        <source>Any</source>
        <extracomment>More chosen values than this are summarised as a number rather than listed. The chosen codes changed (by the user or by :meth:`set_chosen`).</extracomment>
        <translation>すべて</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>any</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} chosen</source>
        <translation>{n} 件を選択</translation>
    </message>
</context>
<context>
    <name>ClassificationDialog</name>
    <message>
        <location filename="../../qa_desktop/ui/response/classification_dialog.py" line="+67"/>
        <source>Classify {reference}</source>
        <extracomment>A classification was confirmed for the incident (its reference).</extracomment>
        <translation>{reference} の分類</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Finding</source>
        <translation>判定項目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Confirm classification</source>
        <translation>分類を確定(&amp;C)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The product is a &amp;medical device</source>
        <translation>医療機器である(&amp;M)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Similar incidents</source>
        <translation>同種事故件数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 2.5 (empty: no R-Map point)</source>
        <translation>例: 2.5（空欄: R-Map 評価なし）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Injury scenario</source>
        <translation>危害シナリオ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Severity (1–4)</source>
        <translation>危害度（1〜4）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Steps</source>
        <translation>段階</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Steps as “description = probability”, separated by | (e.g. 1/100)</source>
        <translation>段階は「内容 = 確率」の形で | で区切って入力（例: 1/100）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Field data and injury scenarios</source>
        <translation>市場データと危害シナリオ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Similar incidents:</source>
        <translation>同種事故件数:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Years in use:</source>
        <translation>使用年数:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safety Gate scenarios:</source>
        <translation>Safety Gate シナリオ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Propose</source>
        <translation>提案を作成(&amp;P)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reason (needed when overriding the proposal)</source>
        <translation>理由（提案と異なる分類にする場合は必須）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Severity:</source>
        <translation>重大度:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason:</source>
        <translation>理由:</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Proposed severity: {severity}</source>
        <translation>提案された重大度: {severity}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Basis of the proposal</source>
        <translation>提案の根拠</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Markets</source>
        <translation>販売市場</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>serious — reportable</source>
        <translation>重大 — 報告対象</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not serious</source>
        <translation>重大ではない</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>met</source>
        <translation>該当</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not met</source>
        <translation>非該当</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Harm level {level}</source>
        <translation>危害レベル {level}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>R-Map</source>
        <translation>R-Map</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Safety Gate</source>
        <translation>Safety Gate</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reporting clocks it starts</source>
        <translation>開始される報告期限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (only if: {condition})</source>
        <translation>（条件: {condition}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>First known → QA aware</source>
        <translation>初認知 → QA 認知</translation>
    </message>
</context>
<context>
    <name>ClocksPanel</name>
    <message>
        <location filename="../../qa_desktop/ui/response/clocks_panel.py" line="+56"/>
        <source>Report</source>
        <extracomment>A filing or a proposal was recorded for the incident (its reference).</extracomment>
        <translation>報告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left / state</source>
        <translation>残り時間 / 状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due (your time)</source>
        <translation>期限（あなたの時刻）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due (regulator&apos;s time)</source>
        <translation>期限（規制当局の時刻）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal due date</source>
        <translation>法定期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filing</source>
        <translation>提出</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Record &amp;filing…</source>
        <translation>提出を記録(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the selected clock: the report was filed</source>
        <translation>選択した期限を停止します（報告を提出済み）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Propose &amp;not reportable…</source>
        <translation>報告不要を起案(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A QA division head signs the decision; approving it stops the clocks</source>
        <translation>QA 部門長がこの判断に署名し、承認されると期限が停止します</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>First known {known}; QA aware {aware}: {gap} passed before QA heard of it.</source>
        <translation>初認知 {known}、QA 認知 {aware}: QA が知るまでに {gap} 経過しました。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The gap between first known and QA aware cannot be shown: a time is missing.</source>
        <translation>初認知と QA 認知の間隔は表示できません（時刻が未入力です）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No reporting clock: classify the incident first.</source>
        <translation>報告期限はありません。先に事故を分類してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>as calendar</source>
        <translation>暦どおり</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>moved from {calendar} by {rule}: {why}</source>
        <translation>{rule} により {calendar} から移動: {why}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due immediately</source>
        <translation>直ちに報告</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filed {when} by {who}, reference {ref}, document {name}</source>
        <translation>{when} に {who} が提出、受付番号 {ref}、文書 {name}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> — {late} late</source>
        <translation> — {late} 遅延</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not reportable (signed): {reason}</source>
        <translation>報告不要（署名済み）: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped {when}: {reason}</source>
        <translation>{when} に停止: {reason}</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Not reportable</source>
        <translation>報告不要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is this incident not reportable? A QA division head signs this reason.</source>
        <translation>この事故が報告不要である理由を記入してください。QA 部門長がこの理由に署名します。</translation>
    </message>
</context>
<context>
    <name>ClosureDialog</name>
    <message>
        <location filename="../../qa_desktop/ui/cause_graph/closure_dialog.py" line="+38"/>
        <source>Approved: the causes are found and the countermeasures work</source>
        <translation>承認: 原因が特定され、再発防止策が有効である</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Close the analysis of {reference}</source>
        <translation>{reference} の原因分析を完了</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What is missing</source>
        <translation>不足している事項</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} thing(s) must be done before the analysis can close:</source>
        <translation>原因分析を完了するには、次の {count} 件を済ませる必要があります:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing is missing: the analysis may be closed.</source>
        <translation>不足している事項はありません。原因分析を完了できます。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The list is of your unsaved version. Save the analysis before signing: the signature is on the saved analysis.</source>
        <translation>この一覧は未保存の版に基づいています。署名は保存済みの原因分析に対して行うため、署名の前に保存してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only the QA division head may sign and close an analysis.</source>
        <translation>原因分析に署名して完了できるのは品質保証部門長だけです。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Sign and close</source>
        <translation>署名して完了(&amp;S)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Your password</source>
        <translation>あなたのパスワード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature</source>
        <translation>署名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed by:</source>
        <translation>署名者:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Meaning:</source>
        <translation>署名の意味(&amp;M):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../qa_desktop/ui/conflict_dialog.py" line="+57"/>
        <source>{who} saved this incident at {time} (version {theirs}) after you opened version {mine}. Your changes are not saved. Compare both versions below, then reload theirs, or keep editing yours and copy over what you need.</source>
        <extracomment>Table columns. The user chose to load their version (discarding the unsaved changes).</extracomment>
        <translation>あなたが版 {mine} を開いた後、{who} が {time} にこの事故を保存しました（版 {theirs}）。あなたの変更は保存されていません。下で両方の版を見比べてから、相手の版を読み込み直すか、自分の版の編集を続けて必要な内容を写してください。</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../forms/conflict_dialog.ui" line="+5"/>
        <source>Someone else saved this incident</source>
        <translation>他のユーザーがこの事故を保存しました</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Both versions side by side (differences are marked ≠):</source>
        <translation>両方の版を並べて表示(&amp;B)（違いは ≠ で示します）:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your version and their version</source>
        <translation>あなたの版と相手の版</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your version</source>
        <translation>あなたの版</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their version</source>
        <translation>相手の版</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show only the &amp;differences</source>
        <translation>違いだけを表示(&amp;D)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Reload their version</source>
        <translation>相手の版を読み込む(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Keep editing mine</source>
        <translation>自分の版の編集を続ける(&amp;K)</translation>
    </message>
</context>
<context>
    <name>CountermeasureDialog</name>
    <message>
        <location filename="../../qa_desktop/ui/cause_graph/countermeasures_panel.py" line="+92"/>
        <source>Countermeasure {id}</source>
        <translation>再発防止策 {id}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Due date</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Check date</source>
        <translation>確認日</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Causes it removes</source>
        <translation>取り除く原因</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Title:</source>
        <translation>件名(&amp;T):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Owner:</source>
        <translation>担当者(&amp;O):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;ue on:</source>
        <translation>期限(&amp;U):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk-reduction &amp;step:</source>
        <translation>リスク低減の段階(&amp;S):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>内容(&amp;D):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effectiveness &amp;criterion:</source>
        <translation>有効性の判定基準(&amp;C):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chec&amp;k on:</source>
        <translation>確認日(&amp;K):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check &amp;result:</source>
        <translation>確認結果(&amp;R):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removes &amp;causes:</source>
        <translation>取り除く原因(&amp;C):</translation>
    </message>
</context>
<context>
    <name>CountermeasuresPanel</name>
    <message>
        <location line="+51"/>
        <source>Countermeasures</source>
        <extracomment>Add a countermeasure for the selected causes. Change the countermeasure with this id. Delete the countermeasure with this id.</extracomment>
        <translation>再発防止策</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Countermeasure</source>
        <translation>再発防止策</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removes</source>
        <translation>取り除く原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>段階</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effectiveness check</source>
        <translation>有効性確認</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Add countermeasure…</source>
        <translation>再発防止策を追加(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cha&amp;nge…</source>
        <translation>変更(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;lete</source>
        <translation>削除(&amp;L)</translation>
    </message>
</context>
<context>
    <name>DatabaseChoice</name>
    <message>
        <location filename="../../qa_desktop/ui/database_choice.py" line="+26"/>
        <source>Open database file</source>
        <translation>データベースファイルを開く</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QA Desktop databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>QA Desktop データベース (*.sqlite3 *.sqlite *.db);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connect to database server</source>
        <translation>データベースサーバーに接続</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server address, e.g. postgresql://user@server/qa_desktop
(the password is asked by the server or read from your .pgpass file):</source>
        <translation>サーバーのアドレス（例: postgresql://user@server/qa_desktop）
（パスワードはサーバーから尋ねられるか、.pgpass ファイルから読み込まれます）:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No recent databases</source>
        <translation>最近使ったデータベースはありません</translation>
    </message>
</context>
<context>
    <name>DeadlinesModel</name>
    <message>
        <location filename="../../qa_desktop/ui/response/deadlines_model.py" line="+139"/>
        <source>Due immediately</source>
        <extracomment>Every cell answers its incident&apos;s reference under this role. Every cell answers its clock&apos;s status code under this role (tests, delegates).</extracomment>
        <translation>直ちに報告</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Moved from {calendar} by the rule&apos;s non-working-day handling</source>
        <translation>休日の扱いにより {calendar} から移動</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In the regulator&apos;s time zone ({zone})</source>
        <translation>規制当局のタイムゾーン（{zone}）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Time left</source>
        <translation>残り時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>管理番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident / product</source>
        <translation>事故 / 製品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business unit</source>
        <translation>事業部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jurisdiction</source>
        <translation>法域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report</source>
        <translation>報告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due (your time)</source>
        <translation>期限（あなたの時刻）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due (regulator&apos;s time)</source>
        <translation>期限（規制当局の時刻）</translation>
    </message>
</context>
<context>
    <name>DeadlinesWindow</name>
    <message>
        <location filename="../../qa_desktop/ui/response/deadlines_view.py" line="+48"/>
        <source>Deadlines</source>
        <extracomment>The user asked to open an incident (its reference).</extracomment>
        <translation>期限一覧</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All jurisdictions</source>
        <translation>すべての法域</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Jurisdiction</source>
        <translation>法域</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Business unit (all when empty)</source>
        <translation>事業部（空欄ならすべて）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business unit</source>
        <translation>事業部</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refresh</source>
        <translation>更新(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show:</source>
        <translation>表示:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Regulator clocks</source>
        <translation>規制当局への報告期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue countermeasures</source>
        <translation>期限超過の再発防止策</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Days overdue</source>
        <translation>超過日数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>管理番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Countermeasure</source>
        <translation>再発防止策</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>{running} running clocks: {overdue} overdue, {immediate} due immediately, {blocked} cannot start</source>
        <translation>進行中の期限 {running} 件: 期限超過 {overdue} 件、直ちに報告 {immediate} 件、開始できない {blocked} 件</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{days} days overdue</source>
        <translation>{days} 日超過</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Overdue countermeasures ({count})</source>
        <translation>期限超過の再発防止策（{count}）</translation>
    </message>
</context>
<context>
    <name>DesktopSession</name>
    <message>
        <location filename="../../qa_desktop/ui/desktop_session.py" line="+153"/>
        <source>Open a database</source>
        <extracomment>What ``--exit-after-first-page`` prints when the register has painted its first rows, followed by ``time.monotonic()`` then (start-up measurements read it). Quit as soon as the register has painted its first rows (start-up measurements). A quick start whose full opening has not been taken over yet.</extracomment>
        <translation>データベースを開く</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QA Desktop needs a database to work on. Open another database file, or quit?</source>
        <translation>QA Desktop を使うにはデータベースが必要です。別のデータベースファイルを開きますか、それとも終了しますか？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Open another file…</source>
        <translation>別のファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open database file</source>
        <translation>データベースファイルを開く</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QA Desktop databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>QA Desktop データベース (*.sqlite3 *.sqlite *.db);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The database was brought up to date; a copy of the old one is at {path}.</source>
        <translation>データベースを最新の形式に更新しました。更新前のコピーは {path} にあります。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Signing in could not be completed.</source>
        <translation>サインインを完了できませんでした。</translation>
    </message>
</context>
<context>
    <name>DisclosureDialog</name>
    <message>
        <location filename="../../qa_desktop/ui/response/disclosure_dialog.py" line="+28"/>
        <source>Record the website disclosure — {reference}</source>
        <translation>ウェブサイトでの公表を記録 — {reference}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Serious incidents are disclosed to customers on the company website. Record where the notice is and since when it is public.</source>
        <translation>重大事故はお客様向けに当社ウェブサイトで公表します。告知の掲載場所と公開日時を記録してください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Web address of the notice</source>
        <translation>告知のウェブアドレス</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Published at</source>
        <translation>公開日時</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Web &amp;address:</source>
        <translation>ウェブアドレス(&amp;A):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Published at (your time):</source>
        <translation>公開日時（現地時刻）(&amp;P):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Record disclosure</source>
        <translation>公表を記録(&amp;R)</translation>
    </message>
</context>
<context>
    <name>EditorActions</name>
    <message>
        <location filename="../../qa_desktop/ui/cause_graph/editor_actions.py" line="+46"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload</source>
        <translation>読み込み直す(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export as {format}…</source>
        <translation>{format} として書き出す…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Import from file…</source>
        <translation>ファイルから取り込む(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print &amp;8D report (PDF)…</source>
        <translation>8D レポートを PDF で印刷(&amp;8)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Add cause</source>
        <translation>原因を追加(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a cause of the selected node (Insert or N)</source>
        <translation>選択したノードの原因を追加します（Insert または N）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit &amp;title</source>
        <translation>件名を編集(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Link to a cause…</source>
        <translation>原因にリンク(&amp;L)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Join under an &amp;AND gate</source>
        <translation>AND ゲートでまとめる(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join under an &amp;OR gate</source>
        <translation>OR ゲートでまとめる(&amp;O)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Show or hide the {layer} layer</source>
        <translation>{layer}の表示・非表示を切り替えます</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;in</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fit the whole graph</source>
        <translation>グラフ全体を表示(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Arrange automatically</source>
        <translation>自動で配置(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add &amp;countermeasure…</source>
        <translation>再発防止策を追加(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find &amp;yokoten proposals</source>
        <translation>横展開の候補を探す(&amp;Y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check and &amp;close the analysis…</source>
        <translation>確認して原因分析を完了(&amp;C)…</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Set &amp;layer</source>
        <translation>要因区分を設定(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set &amp;status</source>
        <translation>状況を設定(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Layers</source>
        <translation>要因区分(&amp;L)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Analysis</source>
        <translation>原因分析(&amp;A)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Analysis tools</source>
        <translation>原因分析ツールバー</translation>
    </message>
</context>
<context>
    <name>EightDReport</name>
    <message>
        <location filename="../../qa_desktop/ui/cause_graph/analysis_files.py" line="-239"/>
        <source>8D report {reference}</source>
        <translation>8D レポート {reference}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analysis version {version}, {status}.</source>
        <translation>原因分析 版 {version}、{status}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>D1 Team</source>
        <translation>D1 チーム</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D2 Problem description</source>
        <translation>D2 問題の記述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D3 Containment</source>
        <translation>D3 暫定処置（封じ込め）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D4 Root causes</source>
        <translation>D4 根本原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D5/D6 Countermeasures and effectiveness checks</source>
        <translation>D5/D6 再発防止策と有効性確認</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>D7 Recurrence prevention (yokoten)</source>
        <translation>D7 再発防止（横展開）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D8 Closure</source>
        <translation>D8 完了</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No one is named yet.</source>
        <translation>まだ誰も指名されていません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No containment action is recorded.</source>
        <translation>封じ込め処置は記録されていません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No cause in this layer.</source>
        <translation>この要因区分に原因はありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not applicable: {reason}</source>
        <translation>該当なし: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No countermeasure yet.</source>
        <translation>再発防止策はまだありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No yokoten candidate.</source>
        <translation>横展開の候補はありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The graph has {count} causes; it is listed above but not drawn.</source>
        <translation>原因が {count} 件あるため、グラフは描画せず上に一覧で示しています。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed by {name} ({username}) at {time}: {meaning}.</source>
        <translation>{time} に {name}（{username}）が署名: {meaning}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This signature does not hold: {problem}</source>
        <translation>この署名は有効ではありません: {problem}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not closed: the analysis is still open. Missing before closure:</source>
        <translation>未完了: 原因分析はまだ進行中です。完了までに不足している事項:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not closed yet: nothing is missing; it awaits the QA executive&apos;s signature.</source>
        <translation>未完了: 不足している事項はなく、品質保証担当役員の署名を待っています。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>AND/OR gates</source>
        <translation>AND/OR ゲート</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed by {name} at {time}</source>
        <translation>{time} に {name} が印刷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page {page} of {pages}</source>
        <translation>{page} / {pages} ページ</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../qa_desktop/ui/errors.py" line="+25"/>
        <source>Some values are not valid</source>
        <translation>入力内容に誤りがあります</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Someone else saved this incident</source>
        <translation>他のユーザーがこの事故を保存しました</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not allowed</source>
        <translation>権限がありません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database could not save</source>
        <translation>データベースに保存できませんでした</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file was rejected</source>
        <translation>ファイルを取り込めませんでした</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QA Desktop</source>
        <translation>QA Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unexpected error</source>
        <translation>予期しないエラー</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Something unexpected went wrong; the change was not saved. Details:
{details}</source>
        <translation>予期しない問題が発生しました。変更は保存されていません。詳細:
{details}</translation>
    </message>
</context>
<context>
    <name>FieldValidation</name>
    <message>
        <location filename="../../qa_desktop/ui/field_validation.py" line="+32"/>
        <source>Required.</source>
        <translation>必須です。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contains invisible control characters (often from a paste) that cannot be stored.</source>
        <translation>保存できない不可視の制御文字が含まれています（貼り付けで入ることがよくあります）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Must be a single line: remove line breaks and tabs.</source>
        <translation>1 行で入力してください。改行とタブを取り除いてください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Must not be negative.</source>
        <translation>負の数は入力できません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Can only be ticked when there was a fire.</source>
        <translation>火災があった場合にのみチェックできます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Can only be set when someone was injured.</source>
        <translation>負傷者がいる場合にのみ入力できます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lists a market twice.</source>
        <translation>同じ市場が 2 回入っています。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must not be in the future.</source>
        <translation>未来の日時は入力できません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must be in 1900 or later.</source>
        <translation>1900 年以降にしてください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must not be before the company first knew (QA cannot learn of it earlier).</source>
        <translation>会社が最初に覚知した日時より前にはできません（品質保証部門がそれより先に知ることはありません）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Must not be before the incident occurred.</source>
        <translation>事故の発生日時より前にはできません。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Too long: {length} characters, the limit is {limit}.</source>
        <extracomment>Rules whose message needs no detail from the value, marked for translation.</extracomment>
        <translation>長すぎます: {length} 文字です。上限は {limit} 文字です。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Must look like INC-2026-0042 (prefix, year, number); leave it empty to have one generated.</source>
        <translation>INC-2026-0042 のような形式（接頭辞・年・番号）で入力してください。空欄にすると自動で採番されます。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Too large: at most {limit}.</source>
        <translation>大きすぎます。上限は {limit} です。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a country from the list (ISO 3166 codes such as JP or US).</source>
        <translation>一覧から国を選んでください（JP や US などの ISO 3166 コード）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown market code(s): {codes}. Use ISO country codes or EU.</source>
        <translation>不明な市場コード: {codes}。ISO の国コードか EU を使ってください。</translation>
    </message>
</context>
<context>
    <name>FileTransfer</name>
    <message>
        <location filename="../../qa_desktop/ui/transfer_dialogs.py" line="+91"/>
        <source>Cancel</source>
        <extracomment>Rows done and rows in all (0 while unknown); emitted from the worker thread. The transfer ended; carries a sentence for the status bar.</extracomment>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Checking and importing {file}…</source>
        <translation>{file} を検査して取り込んでいます…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+105"/>
        <source>Import incidents</source>
        <translation>事故の取り込み</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Imported 1 incident from {file}.</source>
        <translation>{file} から 1 件の事故を取り込みました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported {count} incidents from {file}.</source>
        <translation>{file} から {count} 件の事故を取り込みました。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import cancelled; nothing was imported.</source>
        <translation>取り込みをキャンセルしました。何も取り込まれていません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import of {file} failed; nothing was imported.</source>
        <translation>{file} の取り込みに失敗しました。何も取り込まれていません。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Writing {file}…</source>
        <translation>{file} に書き出しています…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+60"/>
        <source>Export incidents</source>
        <translation>事故の書き出し</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Exported 1 incident to {file}.</source>
        <translation>1 件の事故を {file} に書き出しました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported {count} incidents to {file}.</source>
        <translation>{count} 件の事故を {file} に書き出しました。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export cancelled.</source>
        <translation>書き出しをキャンセルしました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export to {file} failed.</source>
        <translation>{file} への書き出しに失敗しました。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Spreadsheet (CSV) (*.csv)</source>
        <translation>表計算 (CSV) (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>FilingDialog</name>
    <message>
        <location filename="../../qa_desktop/ui/response/filing_dialog.py" line="+32"/>
        <source>Record filing</source>
        <translation>提出の記録</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Regulator&apos;s reference</source>
        <translation>規制当局の受付番号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document sent</source>
        <translation>提出した文書</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Choose…</source>
        <translation>選択(&amp;C)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Filed at (your time):</source>
        <translation>提出日時（あなたの時刻）:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filed by:</source>
        <translation>提出者:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regulator&apos;s &amp;reference:</source>
        <translation>規制当局の受付番号(&amp;R):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Document sent:</source>
        <translation>提出した文書(&amp;D):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Record filing</source>
        <translation>提出を記録(&amp;R)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Document sent to the regulator</source>
        <translation>規制当局に提出した文書</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../qa_desktop/ui/filter_bar.py" line="+82"/>
        <source>Search reference, title, product, model and description (Ctrl+F)</source>
        <extracomment>Pause in typing, in milliseconds, before the register is asked again. The filter changed (carries a :class:`RegisterFilter`).</extracomment>
        <translation>管理番号・件名・製品・型式・内容を検索 (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search incidents</source>
        <translation>事故を検索</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stat&amp;us</source>
        <translation>状況(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;verity</source>
        <translation>重大度(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sou&amp;rce</source>
        <translation>情報源(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any country</source>
        <translation>すべての国</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Product (exact name)</source>
        <translation>製品名（完全一致）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>QA owner (user name)</source>
        <translation>品質保証担当者（ユーザー名）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First known from</source>
        <translation>覚知日（開始）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First known until</source>
        <translation>覚知日（終了）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sa&amp;ved filters</source>
        <translation>保存した条件(&amp;V)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved filters</source>
        <translation>保存した条件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>C&amp;lear filters</source>
        <translation>条件をクリア(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear all filters and the search</source>
        <translation>すべての絞り込み条件と検索語をクリア</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>any date</source>
        <translation>指定なし</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Search:</source>
        <translation>検索(&amp;S):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fro&amp;m:</source>
        <translation>開始(&amp;M):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;To:</source>
        <translation>終了(&amp;T):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Co&amp;untry:</source>
        <translation>国(&amp;U):</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>&amp;Save current filter…</source>
        <translation>現在の条件を保存(&amp;S)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No saved filters yet</source>
        <translation>保存した条件はまだありません</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+8"/>
        <source>Save filter</source>
        <translation>条件の保存</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Name of this filter:</source>
        <translation>この条件の名前:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A filter named “{name}” exists. Replace it?</source>
        <translation>「{name}」という条件がすでにあります。置き換えますか？</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../qa_desktop/ui/first_admin_dialog.py" line="+45"/>
        <source>New database — QA Desktop</source>
        <translation>新しいデータベース — QA Desktop</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{database} has no accounts yet. Create the first administrator: this account adds the QA engineers, heads and managers who will use the register.</source>
        <translation>{database} にはまだアカウントがありません。最初の管理者を作成してください。このアカウントで、台帳を使う品質保証担当者・部門長・管理職のアカウントを追加します。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. admin</source>
        <translation>例: admin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>at least {n} characters</source>
        <translation>{n} 文字以上</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat password</source>
        <translation>パスワード（確認）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;User name:</source>
        <translation>ユーザー名(&amp;U):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Full name:</source>
        <translation>氏名(&amp;F):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat password:</source>
        <translation>パスワード（確認）(&amp;R):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Problems</source>
        <translation>問題点</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Create administrator</source>
        <translation>管理者を作成(&amp;C)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The two passwords differ.</source>
        <translation>2 つのパスワードが一致しません。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>User name: use 2–64 characters: lower-case letters, digits, “.”, “_” or “-”, starting with a letter.</source>
        <translation>ユーザー名: 英小文字で始まる 2～64 文字（英小文字、数字、「.」「_」「-」）で入力してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Full name: enter 1–200 characters.</source>
        <translation>氏名: 1～200 文字で入力してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password: use at least {n} characters.</source>
        <translation>パスワード: {n} 文字以上にしてください。</translation>
    </message>
</context>
<context>
    <name>FlowPanel</name>
    <message>
        <location filename="../../qa_desktop/ui/response/flow_panel.py" line="+66"/>
        <source>Next actions</source>
        <extracomment>An action was taken on the incident (its reference): its status may have moved. The user chose a step that is recorded through its own form (its action id).</extracomment>
        <translation>次の操作</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Comment recorded with the action</source>
        <translation>操作と一緒に記録されるコメント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>実施者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Comment / signature</source>
        <translation>コメント / 署名</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Flow history:</source>
        <translation>対応の履歴:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Step: {step} — owned by {tier}, since {since}</source>
        <translation>段階: {step} — 担当 {tier}（{since} から）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> (overdue)</source>
        <translation>（期限超過）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No tasks in this step.</source>
        <translation>この段階に作業はありません。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Opens the form that records this step</source>
        <translation>この手順を記録する画面を開きます</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Needs your electronic signature</source>
        <translation>あなたの電子署名が必要です</translation>
    </message>
</context>
<context>
    <name>GraphEditing</name>
    <message>
        <location filename="../../qa_desktop/ui/cause_graph/graph_editing.py" line="+107"/>
        <source>Not changed: {reason}</source>
        <extracomment>An edit was refused; carries the reason, ready to show.</extracomment>
        <translation>変更されていません: {reason}</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Add cause {id}</source>
        <translation>原因 {id} の追加</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>title</source>
        <translation>件名</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Change {what} of {id}</source>
        <translation>{id} の{what}の変更</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Set {what} for {ids}</source>
        <translation>{ids} を{what}に設定</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not changed: the incident is the effect at the root; it cannot be a cause.</source>
        <translation>変更されていません。事故は根本にある結果事象のため、原因にはできません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Link {effect} to its cause {cause}</source>
        <translation>{effect} の原因として {cause} をリンク</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select the one node whose cause you want to link.</source>
        <translation>原因をリンクしたいノードを 1 つだけ選択してください。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Link a cause</source>
        <translation>原因のリンク</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{effect} is caused by:</source>
        <translation>{effect} の原因:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The incident is the root of the analysis; it stays.</source>
        <translation>事故は原因分析の根本のため、削除できません。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete cause {id}</source>
        <translation>原因 {id} の削除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete {count} items</source>
        <translation>{count} 項目の削除</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Make gate {kind}</source>
        <translation>ゲートを {kind} に変更</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select two or more causes of the same effect to join them under a gate.</source>
        <translation>ゲートでまとめるには、同じ結果事象の原因を 2 つ以上選択してください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Join {causes} under an {kind} gate</source>
        <translation>{causes} を {kind} ゲートでまとめる</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Move {id}</source>
        <translation>{id} の移動</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move {count} nodes</source>
        <translation>{count} 個のノードの移動</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Arrange automatically</source>
        <translation>自動配置</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../qa_desktop/ui/history_text.py" line="+93"/>
        <location filename="../../qa_desktop/ui/record_printing.py" line="+106"/>
        <source>Yes</source>
        <extracomment>Labels of the incident&apos;s fields, marked for translation (see :func:`field_label`). History lines quote at most this much of a value; the record itself holds all of it.</extracomment>
        <translation>はい</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../qa_desktop/ui/record_printing.py" line="+1"/>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>{start}… ({count} more characters)</source>
        <translation>{start}…（ほか {count} 文字）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Reason: {reason}</source>
        <translation>理由: {reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{when} — {who} logged the incident.</source>
        <translation>{when} — {who} が事故を登録しました。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{when} — {who} imported the incident.</source>
        <translation>{when} — {who} が事故を取り込みました。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{when} — {who} imported the incident from “{file}” ({rows} rows, SHA-256 {sha}…).</source>
        <translation>{when} — {who} が「{file}」から事故を取り込みました（{rows} 行、SHA-256 {sha}…）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{when} — {who} attached “{file}”.</source>
        <translation>{when} — {who} が「{file}」を添付しました。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{when} — {who} attached “{file}” ({size}, SHA-256 {sha}…).</source>
        <translation>{when} — {who} が「{file}」を添付しました（{size}、SHA-256 {sha}…）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{when} — {who}: {action} {field} {value}</source>
        <translation>{when} — {who}: {action} {field} {value}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{when} — {who} set {field} to “{new}”.</source>
        <translation>{when} — {who} が{field}を「{new}」にしました。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{when} — {who} cleared {field} (it was “{old}”).</source>
        <translation>{when} — {who} が{field}を空にしました（変更前は「{old}」）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{when} — {who} changed {field} from “{old}” to “{new}”.</source>
        <translation>{when} — {who} が{field}を「{old}」から「{new}」に変更しました。</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../qa_desktop/ui/transfer_dialogs.py" line="-202"/>
        <source>Import rejected — QA Desktop</source>
        <extracomment>Least time between two progress updates sent to the GUI thread, in seconds.</extracomment>
        <translation>取り込みできませんでした — QA Desktop</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{file} was not imported and nothing was written. Problems found: {count}. Fix the rows below and import the file again.</source>
        <translation>{file} は取り込まれず、何も書き込まれていません。見つかった問題: {count} 件。下の行を修正してから、もう一度取り込んでください。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Problems found in the file</source>
        <translation>ファイル内で見つかった問題</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Copy report</source>
        <translation>レポートをコピー(&amp;C)</translation>
    </message>
</context>
<context>
    <name>IncidentEditor</name>
    <message>
        <location filename="../../qa_desktop/ui/field_bindings.py" line="+339"/>
        <source>change {field}</source>
        <extracomment>No paste is ever cut short silently: a line edit holds this much, and the counter and the message say when the text is over its limit (Qt&apos;s default would truncate at 32,767). The user changed the field: its name and new value.</extracomment>
        <translation>{field}の変更</translation>
    </message>
    <message>
        <location filename="../../qa_desktop/ui/incident_editor.py" line="+142"/>
        <source>Response</source>
        <extracomment>Display names of the people in the record and its history, by user name.</extracomment>
        <translation>対応</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Similar past incidents</source>
        <translation>類似の過去事故</translation>
    </message>
    <message>
        <location line="+31"/>
        <location filename="../../forms/incident_editor.ui" line="+915"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reload</source>
        <translation>読み込み直す(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print pre&amp;view…</source>
        <translation>印刷プレビュー(&amp;V)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport as PDF…</source>
        <translation>PDF として書き出す(&amp;X)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Classify…</source>
        <translation>分類(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Response</source>
        <translation>対応(&amp;R)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>At most {limit} characters.</source>
        <translation>{limit} 文字以内で入力してください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The response flow sets the status</source>
        <translation>状態は対応フローによって設定されます</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generated when saved (or type one such as INC-2026-0042)</source>
        <translation>保存時に自動採番（または INC-2026-0042 のように入力）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Times are shown and typed in your local time zone ({zone}).</source>
        <translation>日時はお使いのタイムゾーン（{zone}）で表示・入力します。</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Your role may view this incident but not change it.</source>
        <translation>あなたの役割では、この事故を閲覧できますが変更はできません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Someone else saved a newer version: reload it (F5) before saving again.</source>
        <translation>他のユーザーが新しい版を保存しました。もう一度保存する前に読み込み直してください (F5)。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot save yet. Check: {fields}.</source>
        <translation>まだ保存できません。確認してください: {fields}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unsaved changes.</source>
        <translation>未保存の変更があります。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New incident</source>
        <translation>新しい事故</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New incident (not saved yet)</source>
        <translation>新しい事故（未保存）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Version {version}, last saved {time} by {who}.</source>
        <translation>版 {version}、最終保存 {time}（{who}）。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Loading {reference}…</source>
        <translation>{reference} を読み込んでいます…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The response changed this incident; save or reload to see it.</source>
        <translation>対応によってこの事故が変更されました。保存するか読み込み直すと反映されます。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Reload the incident</source>
        <translation>事故を読み込み直す</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reloading discards your unsaved changes.</source>
        <translation>読み込み直すと、保存していない変更は失われます。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reason for the change</source>
        <translation>変更の理由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{reference} is past intake ({status}). Why is it being changed? The reason is kept in its history.</source>
        <translation>{reference} は受付段階を過ぎています（{status}）。変更する理由を入力してください。理由は履歴に残ります。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not saved: a change past intake needs a reason.</source>
        <translation>保存されていません。受付段階を過ぎた事故の変更には理由が必要です。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not saved: the reason may be at most {limit} characters.</source>
        <translation>保存されていません。理由は {limit} 文字以内にしてください。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Saved version {version}.</source>
        <translation>版 {version} を保存しました。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>This incident has changes that are not saved.</source>
        <translation>この事故には保存していない変更があります。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>They cannot be saved until the marked fields are corrected.</source>
        <translation>印の付いた項目を直すまで保存できません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The record shows the saved version; unsaved changes are not in it.</source>
        <translation>記録票は保存済みの版を示します。保存していない変更は含まれません。</translation>
    </message>
    <message>
        <location filename="../../forms/incident_editor.ui" line="-910"/>
        <source>Incident</source>
        <translation>事故</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Incident facts</source>
        <translation>事故の内容</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Reference:</source>
        <translation>管理番号(&amp;R):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reference</source>
        <translation>管理番号</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Title:</source>
        <translation>件名(&amp;T):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Product name:</source>
        <translation>製品名(&amp;P):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Product name</source>
        <translation>製品名</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Model:</source>
        <translation>型式(&amp;M):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Model</source>
        <translation>型式</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Units in the field:</source>
        <translation>市場にある台数(&amp;U):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Units in the field</source>
        <translation>市場にある台数</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>S&amp;ource:</source>
        <translation>情報源(&amp;O):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Source</source>
        <translation>情報源</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Country:</source>
        <translation>国(&amp;C):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Mar&amp;kets:</source>
        <translation>販売市場(&amp;K):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Markets</source>
        <translation>販売市場</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JP, US, EU</source>
        <translation>JP, US, EU</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Serial &amp;number ranges:</source>
        <translation>製造番号の範囲(&amp;N):</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Serial number ranges</source>
        <translation>製造番号の範囲</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Description:</source>
        <translation>内容(&amp;D):</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Description</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Harm</source>
        <translation>被害</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Deaths:</source>
        <translation>死亡者数(&amp;D):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Deaths</source>
        <translation>死亡者数</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Injuries:</source>
        <translation>負傷者数(&amp;I):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Injuries</source>
        <translation>負傷者数</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Longest treatment (days):</source>
        <translation>最長の治療日数(&amp;L):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Longest treatment in days</source>
        <translation>最長の治療日数</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Permanent disability</source>
        <translation>後遺障害</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Permanent disability</source>
        <translation>後遺障害(&amp;P)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Carbon monoxide poisoning</source>
        <translation>一酸化炭素中毒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;O poisoning</source>
        <translation>CO 中毒(&amp;O)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Fire</source>
        <translation>火災</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fi&amp;re</source>
        <translation>火災(&amp;R)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Fire confirmed by the fire service</source>
        <translation>消防による火災の確認</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fire confirmed by the fire ser&amp;vice</source>
        <translation>消防が火災を確認(&amp;V)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Property damage</source>
        <translation>物的被害</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Propert&amp;y damage</source>
        <translation>物的被害(&amp;Y)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Dates &amp;&amp; owner</source>
        <translation>日付と担当者</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Occurred at:</source>
        <translation>発生日時(&amp;O):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Occurred at</source>
        <translation>発生日時</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <location line="+34"/>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>yyyy-MM-dd HH:mm</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+74"/>
        <source>Known</source>
        <translation>判明</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Occurred at known</source>
        <translation>発生日時が判明</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Company first &amp;knew at:</source>
        <translation>会社の覚知日時(&amp;K):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Company first knew at</source>
        <translation>会社の覚知日時</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;QA aware at:</source>
        <translation>品質保証部門の覚知日時(&amp;Q):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>QA aware at</source>
        <translation>品質保証部門の覚知日時</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>QA aware at known</source>
        <translation>品質保証部門の覚知日時が判明</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>S&amp;tatus:</source>
        <translation>状況(&amp;T):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Se&amp;verity:</source>
        <translation>重大度(&amp;V):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Severity</source>
        <translation>重大度</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Business unit:</source>
        <translation>事業部(&amp;B):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Business unit</source>
        <translation>事業部</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>QA o&amp;wner:</source>
        <translation>品質保証担当者(&amp;W):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>QA owner</source>
        <translation>品質保証担当者</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Attachments</source>
        <translation>添付ファイル</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+10"/>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>C&amp;hanges, newest first:</source>
        <translation>変更履歴（新しい順）(&amp;H):</translation>
    </message>
</context>
<context>
    <name>IncidentField</name>
    <message>
        <location filename="../../qa_desktop/ui/history_text.py" line="-206"/>
        <source>Reference</source>
        <translation>管理番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product name</source>
        <translation>製品名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>型式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial number ranges</source>
        <translation>製造番号の範囲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units in the field</source>
        <translation>市場にある台数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>情報源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markets</source>
        <translation>販売市場</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deaths</source>
        <translation>死亡者数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Injuries</source>
        <translation>負傷者数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest treatment (days)</source>
        <translation>最長の治療日数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permanent disability</source>
        <translation>後遺障害</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CO poisoning</source>
        <translation>CO 中毒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fire</source>
        <translation>火災</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fire confirmed by the fire service</source>
        <translation>消防による火災の確認</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Property damage</source>
        <translation>物的被害</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occurred at</source>
        <translation>発生日時</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company first knew at</source>
        <translation>会社の覚知日時</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QA aware at</source>
        <translation>品質保証部門の覚知日時</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>重大度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business unit</source>
        <translation>事業部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QA owner</source>
        <translation>品質保証担当者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachments</source>
        <translation>添付ファイル</translation>
    </message>
</context>
<context>
    <name>IncidentRecord</name>
    <message>
        <location filename="../../qa_desktop/ui/record_printing.py" line="-25"/>
        <source>Incident record {reference}</source>
        <translation>事故記録票 {reference}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version {version}. Logged {created} by {created_by}; last saved {updated} by {updated_by}.</source>
        <translation>版 {version}。{created} に {created_by} が登録、最終保存は {updated}（{updated_by}）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Incident facts</source>
        <translation>事故の内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Harm</source>
        <translation>被害</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates</source>
        <translation>日付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local time ({zone})</source>
        <translation>現地時刻（{zone}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachments</source>
        <translation>添付ファイル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No attachments.</source>
        <translation>添付ファイルはありません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added by</source>
        <translation>追加した人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added at</source>
        <translation>追加日時</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No history.</source>
        <translation>履歴はありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed by {name} at {time}</source>
        <translation>{time} に {name} が印刷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page {page} of {pages}</source>
        <translation>{page} / {pages} ページ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not known</source>
        <translation>不明</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../qa_desktop/ui/labels.py" line="+19"/>
        <source>Intake</source>
        <translation>受付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classification</source>
        <translation>分類</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Containment</source>
        <translation>封じ込め</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reporting</source>
        <translation>報告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investigation</source>
        <translation>原因調査</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Countermeasures</source>
        <translation>再発防止策</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unclassified</source>
        <translation>未分類</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low</source>
        <translation>軽微</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serious</source>
        <translation>重大</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Customer</source>
        <translation>お客様</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dealer</source>
        <translation>販売店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call centre</source>
        <translation>コールセンター</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group company</source>
        <translation>グループ会社</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regulator</source>
        <translation>規制当局</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Media</source>
        <translation>報道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Internal test</source>
        <translation>社内試験</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>QA engineer</source>
        <translation>品質保証担当者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QA division head</source>
        <translation>品質保証部門長</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>管理職</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>管理者</translation>
    </message>
</context>
<context>
    <name>LayerReviewPanel</name>
    <message>
        <location filename="../../qa_desktop/ui/cause_graph/layer_review_panel.py" line="+45"/>
        <source>Layer</source>
        <extracomment>A verdict changed: the layer and its review (``None``: not reviewed yet).</extracomment>
        <translation>要因区分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed causes</source>
        <translation>確認済みの原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason (when not applicable)</source>
        <translation>理由（該当なしの場合）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Verdict on the {layer} layer</source>
        <translation>{layer}の判定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not reviewed yet</source>
        <translation>未検討</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examined</source>
        <translation>検討済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not applicable</source>
        <translation>該当なし</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason the {layer} layer does not apply</source>
        <translation>{layer}が該当しない理由</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <location filename="../../qa_desktop/ui/cause_graph/lessons_views.py" line="+71"/>
        <source>The same {layer} cause “{label}” recurs in {incidents} incidents across {products} product(s), {years}.</source>
        <translation>{layer}の同じ原因「{label}」が、{years} に {products} 製品の {incidents} 件の事故で繰り返し現れています。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{layer} causes in the component “{label}” recur in {incidents} incidents across {products} product(s), {years}.</source>
        <translation>部品「{label}」の{layer}が、{years} に {products} 製品の {incidents} 件の事故で繰り返し現れています。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{layer} causes with the failure mode “{label}” recur in {incidents} incidents across {products} product(s), {years}.</source>
        <translation>故障モード「{label}」の{layer}が、{years} に {products} 製品の {incidents} 件の事故で繰り返し現れています。</translation>
    </message>
</context>
<context>
    <name>LessonsSearchDialog</name>
    <message>
        <location filename="../../qa_desktop/ui/cause_graph/lessons_search.py" line="+49"/>
        <source>Search lessons from past analyses</source>
        <extracomment>Open the analysis of this incident.</extracomment>
        <translation>過去の原因分析から教訓を検索</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>Product</source>
        <translation>製品</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+21"/>
        <source>Component</source>
        <translation>部品</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+21"/>
        <source>Failure mode</source>
        <translation>故障モード</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Cause text</source>
        <translation>原因の記述</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layer</source>
        <translation>要因区分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any layer</source>
        <translation>すべての要因区分</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Search</source>
        <translation>検索(&amp;S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Analyses found</source>
        <translation>見つかった原因分析</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Incident / cause</source>
        <translation>事故 / 原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layer / status</source>
        <translation>要因区分 / 状況</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Product:</source>
        <translation>製品(&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Component:</source>
        <translation>部品(&amp;C):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Failure mode:</source>
        <translation>故障モード(&amp;F):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause &amp;text:</source>
        <translation>原因の記述(&amp;T):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Layer:</source>
        <translation>要因区分(&amp;L):</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Searching…</source>
        <translation>検索しています…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The search failed.</source>
        <translation>検索に失敗しました。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>closed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>draft</source>
        <translation>作成中</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{count} analysis(es) found.</source>
        <translation>{count} 件の原因分析が見つかりました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No analysis matches.</source>
        <translation>該当する原因分析はありません。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../qa_desktop/ui/main_window.py" line="+92"/>
        <source>{database} — {user} ({role}) — QA Desktop</source>
        <extracomment>The module of the incident editor window (opened on first use). The user asked to work on another database (a file path or server URL). An import or export began (carries its :class:`FileTransfer`).</extracomment>
        <translation>{database} — {user}（{role}）— QA Desktop</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Reading the register…</source>
        <translation>台帳を読み込んでいます…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Matching incidents</source>
        <translation>該当する事故</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed in as {user} ({role})</source>
        <translation>{user}（{role}）としてサインイン中</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>1 incident</source>
        <translation>1 件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} incidents</source>
        <translation>{n} 件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 matching incident</source>
        <translation>該当 1 件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} matching incidents</source>
        <translation>該当 {n} 件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Counting…</source>
        <translation>件数を数えています…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The register could not be read</source>
        <translation>台帳を読み込めませんでした</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>The new language applies the next time QA Desktop starts.</source>
        <translation>新しい言語は、次回 QA Desktop を起動したときに適用されます。</translation>
    </message>
</context>
<context>
    <name>ManagementListDialog</name>
    <message>
        <location filename="../../qa_desktop/ui/response/management_list_dialog.py" line="+36"/>
        <source>Management list — QA Desktop</source>
        <extracomment>The list was saved (its new recipients).</extracomment>
        <translation>経営層の送付先 — QA Desktop</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status reports of serious incidents go promptly to these people. One name or address per line.</source>
        <translation>重大事故の状況報告は、速やかにこの方々へ送られます。1 行に 1 名（またはアドレス）を記入してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only QA division heads change this list.</source>
        <translation>このリストを変更できるのは品質保証部門長のみです。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recipients, one per line</source>
        <translation>送付先（1 行に 1 件）</translation>
    </message>
</context>
<context>
    <name>ManagementNoticeDialog</name>
    <message>
        <location filename="../../qa_desktop/ui/response/management_notice_dialog.py" line="+51"/>
        <source>Status report to top management: {reference}</source>
        <extracomment>A status report was sent for the incident (its reference).</extracomment>
        <translation>経営層への状況報告: {reference}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Names, separated by commas</source>
        <translation>名前をカンマで区切って入力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipients</source>
        <translation>宛先</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Send to the management list</source>
        <translation>経営層の宛先に送付(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print selected…</source>
        <translation>選択した報告を印刷(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save selected &amp;as PDF…</source>
        <translation>選択した報告を PDF で保存(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recipients:</source>
        <translation>宛先:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent so far:</source>
        <translation>送付済み:</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Sent {when} by {who} to {names}</source>
        <translation>{when} に {who} が {names} に送付</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Step: {step}; severity: {severity}</source>
        <translation>段階: {step}、重大度: {severity}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Regulator clocks:</source>
        <translation>規制当局への報告期限:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decisions:</source>
        <translation>判断:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actions so far:</source>
        <translation>これまでの対応:</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Save the status report</source>
        <translation>状況報告の保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文書 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>MeasuresAndYokoten</name>
    <message>
        <location filename="../../qa_desktop/ui/cause_graph/measures_and_yokoten.py" line="+126"/>
        <source>Add countermeasure {id}</source>
        <extracomment>An edit was refused or could not be made; carries the reason. A short outcome for the status bar.</extracomment>
        <translation>再発防止策 {id} の追加</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change countermeasure {id}</source>
        <translation>再発防止策 {id} の変更</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete countermeasure {id}</source>
        <translation>再発防止策 {id} の削除</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Verdict on the {layer} layer</source>
        <translation>{layer}の判定</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No new yokoten proposals.</source>
        <translation>新しい横展開の候補はありません。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add {count} yokoten candidate(s)</source>
        <translation>横展開の候補 {count} 件の追加</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} new yokoten proposal(s) to decide.</source>
        <translation>判断が必要な新しい横展開の候補が {count} 件あります。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{decision} yokoten {id}</source>
        <translation>横展開 {id} を{decision}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove yokoten candidate {id}</source>
        <translation>横展開の候補 {id} の削除</translation>
    </message>
</context>
<context>
    <name>OptionalDate</name>
    <message>
        <location filename="../../qa_desktop/ui/cause_graph/countermeasures_panel.py" line="-162"/>
        <source>{field} is set</source>
        <translation>{field}を設定</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../qa_desktop/ui/preferences_dialog.py" line="+27"/>
        <source>Preferences — QA Desktop</source>
        <translation>設定 — QA Desktop</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System default ({language})</source>
        <translation>システムの既定（{language}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A new language applies the next time QA Desktop starts.</source>
        <translation>言語の変更は、次回 QA Desktop を起動したときに適用されます。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
</context>
<context>
    <name>RecallDecisionDialog</name>
    <message>
        <location filename="../../qa_desktop/ui/response/recall_decision_dialog.py" line="+51"/>
        <source>Recall decision for {reference}</source>
        <extracomment>A decision was proposed or signed for the incident (its reference).</extracomment>
        <translation>{reference} のリコール判断</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading the classification…</source>
        <translation>分類を読み込んでいます…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Risk basis (latest classification)</source>
        <translation>リスク評価（最新の分類）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Propose and &amp;sign…</source>
        <translation>起案して署名(&amp;S)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Propose for signature</source>
        <translation>署名を依頼して起案(&amp;P)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Recall</source>
        <translation>リコールする(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;o recall</source>
        <translation>リコールしない(&amp;O)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>One model per line</source>
        <translation>1 行に 1 機種</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Serial ranges or lots, one per line</source>
        <translation>製造番号の範囲またはロット（1 行に 1 件）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Repair</source>
        <translation>修理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replacement</source>
        <translation>交換</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund</source>
        <translation>返金</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Newspapers</source>
        <translation>新聞</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website</source>
        <translation>ウェブサイト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direct mail</source>
        <translation>ダイレクトメール</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decision:</source>
        <translation>判断:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason:</source>
        <translation>理由:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Models:</source>
        <translation>機種:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serials / lots:</source>
        <translation>製造番号 / ロット:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units in scope:</source>
        <translation>対象台数:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remedy:</source>
        <translation>対応方法:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tell owners by:</source>
        <translation>所有者への告知方法:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel details:</source>
        <translation>告知の詳細:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The incident is not classified yet.</source>
        <translation>この事故はまだ分類されていません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Classification version {version}: {severity}</source>
        <translation>分類 版 {version}: {severity}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>R-Map:</source>
        <translation>R-Map:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Safety Gate:</source>
        <translation>Safety Gate:</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>the recall decision for {reference}</source>
        <translation>{reference} のリコール判断</translation>
    </message>
</context>
<context>
    <name>RecordPrinter</name>
    <message>
        <location filename="../../qa_desktop/ui/record_printing.py" line="+41"/>
        <source>Export the incident record as PDF</source>
        <extracomment>A line for the status bar: where the record went, or why it did not.</extracomment>
        <translation>事故記録票を PDF として書き出す</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文書 (*.pdf)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No PDF viewer could be started; the record is at {path}.</source>
        <translation>PDF ビューアーを起動できませんでした。記録票は {path} にあります。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved the incident record as {path}.</source>
        <translation>事故記録票を {path} に保存しました。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The PDF could not be written</source>
        <translation>PDF を書き出せませんでした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} could not be written: {reason}</source>
        <translation>{path} に書き込めませんでした: {reason}</translation>
    </message>
</context>
<context>
    <name>RecurringCausesWindow</name>
    <message>
        <location filename="../../qa_desktop/ui/cause_graph/recurring_causes.py" line="+49"/>
        <source>Recurring causes across incidents</source>
        <extracomment>Open the analysis of this incident.</extracomment>
        <translation>事故をまたいで繰り返す原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layer</source>
        <translation>要因区分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All layers</source>
        <translation>すべての要因区分</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recurring causes</source>
        <translation>繰り返す原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recurring cause / incident and its cause</source>
        <translation>繰り返す原因 / 事故とその原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>製品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Refresh</source>
        <translation>最新の情報に更新(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Layer:</source>
        <translation>要因区分:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reading every analysis…</source>
        <translation>すべての原因分析を読み込んでいます…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The recurring causes could not be read.</source>
        <translation>繰り返す原因を読み込めませんでした。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{count} cause(s) recur across incidents.</source>
        <translation>{count} 件の原因が複数の事故で繰り返し現れています。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No cause recurs across incidents yet.</source>
        <translation>複数の事故で繰り返し現れる原因はまだありません。</translation>
    </message>
</context>
<context>
    <name>RegisterActions</name>
    <message>
        <location filename="../../qa_desktop/ui/main_actions.py" line="+20"/>
        <source>&amp;New incident…</source>
        <translation>新しい事故(&amp;N)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log a new incident (Ctrl+N)</source>
        <translation>新しい事故を登録します (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open incident</source>
        <translation>事故を開く(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the selected incident (Enter or double-click)</source>
        <translation>選択した事故を開きます（Enter またはダブルクリック）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;database file…</source>
        <translation>データベースファイルを開く(&amp;D)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Work on another QA Desktop database file</source>
        <translation>別の QA Desktop データベースファイルで作業します</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connect to database &amp;server…</source>
        <translation>データベースサーバーに接続(&amp;S)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Work on a shared PostgreSQL database</source>
        <translation>共有の PostgreSQL データベースで作業します</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Import incidents…</source>
        <translation>事故を取り込む(&amp;I)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import incidents from a CSV, Excel or JSON file (all or nothing)</source>
        <translation>CSV・Excel・JSON ファイルから事故を取り込みます（全件取り込むか、まったく取り込まないかのどちらかです）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export incidents…</source>
        <translation>事故を書き出す(&amp;E)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export every incident to a CSV, Excel or JSON file</source>
        <translation>すべての事故を CSV・Excel・JSON ファイルに書き出します</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close QA Desktop</source>
        <translation>QA Desktop を終了します</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Find…</source>
        <translation>検索(&amp;F)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search the register (Ctrl+F)</source>
        <translation>台帳を検索します (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Clear filters</source>
        <translation>条件をクリア(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show every incident again</source>
        <translation>すべての事故を再び表示します</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Preferences…</source>
        <translation>設定(&amp;P)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language and other preferences</source>
        <translation>言語などの設定</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Refresh</source>
        <translation>最新の情報に更新(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the register again, with changes made by others (F5)</source>
        <translation>他のユーザーによる変更も含めて台帳を読み直します (F5)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reset &amp;columns</source>
        <translation>列を元に戻す(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore the register&apos;s columns to their original widths and order</source>
        <translation>台帳の列の幅と順序を最初の状態に戻します</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About QA Desktop</source>
        <translation>QA Desktop について(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version, database and licences</source>
        <translation>バージョン、データベース、ライセンス</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Recent databases</source>
        <translation>最近使ったデータベース(&amp;R)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Register tools</source>
        <translation>台帳ツールバー</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <location filename="../../qa_desktop/ui/register_model.py" line="+271"/>
        <source>First known {local} (UTC {utc})</source>
        <extracomment>Rows fetched per page while scrolling. Most rows one refresh re-reads (the service&apos;s page limit). The role under which every cell answers its incident&apos;s reference. The database order behind each sortable column (the deadline is computed, not stored). How many incidents match the current query (counted in the background).</extracomment>
        <translation>覚知 {local}（UTC {utc}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No reporting deadline is running</source>
        <translation>進行中の報告期限はありません</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Click to sort by this column; click again to reverse</source>
        <translation>クリックするとこの列で並べ替えます。もう一度クリックすると逆順になります</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadlines are computed, so this column cannot be sorted</source>
        <translation>期限は計算で求めるため、この列では並べ替えできません</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reference</source>
        <translation>管理番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product / model</source>
        <translation>製品 / 型式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>重大度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>情報源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First known</source>
        <translation>覚知日時</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QA owner</source>
        <translation>品質保証担当者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next deadline</source>
        <translation>次の期限</translation>
    </message>
</context>
<context>
    <name>RegisterTable</name>
    <message>
        <location filename="../../qa_desktop/ui/register_table.py" line="+26"/>
        <source>Incident register</source>
        <extracomment>Widths (in characters) the register&apos;s columns start with.</extracomment>
        <translation>事故台帳</translation>
    </message>
</context>
<context>
    <name>ResponseMenu</name>
    <message>
        <location filename="../../qa_desktop/ui/response/entry.py" line="+35"/>
        <source>&amp;Deadlines…</source>
        <translation>期限一覧(&amp;D)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every running regulator clock by time left, and overdue countermeasures</source>
        <translation>進行中の規制当局への報告期限（残り時間順）と期限超過の再発防止策</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review &amp;inbox…</source>
        <translation>レビュー受付箱(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalations and decisions awaiting your signature</source>
        <translation>あなたの署名を待つエスカレーションと判断</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only QA division heads review and sign</source>
        <translation>レビューと署名は QA 部門長だけが行えます</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Management list…</source>
        <translation>経営層の送付先(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who receives the status reports of serious incidents</source>
        <translation>重大事故の状況報告の送付先</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Response</source>
        <translation>対応(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ResponseTab</name>
    <message>
        <location filename="../../qa_desktop/ui/response/response_tab.py" line="+51"/>
        <source>&amp;Classify…</source>
        <extracomment>The incident changed through the response (its reference): reload it.</extracomment>
        <translation>分類(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recall &amp;decision…</source>
        <translation>リコール判断(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status report to &amp;top management…</source>
        <translation>経営層への状況報告(&amp;T)…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your role may not do this</source>
        <translation>あなたの役割ではこの操作はできません</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Decision</source>
        <translation>判断</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State / signature</source>
        <translation>状態 / 署名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Response flow</source>
        <translation>対応フロー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regulator clocks</source>
        <translation>規制当局への報告期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decisions and signatures</source>
        <translation>判断と署名</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Not classified yet.</source>
        <translation>まだ分類されていません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classified {severity} (version {version}) by {who}, {when}</source>
        <translation>{when} に {who} が {severity} に分類（版 {version}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>; proposal {proposed} overridden: {reason}</source>
        <translation>、提案 {proposed} を変更: {reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Recall decision</source>
        <translation>リコール判断</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not reportable</source>
        <translation>報告不要</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{what} proposed by {who}, {when}</source>
        <translation>{when} に {who} が{what}を起案</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signature</source>
        <translation>署名</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>awaiting review</source>
        <translation>レビュー待ち</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>returned with comments</source>
        <translation>コメント付きで差し戻し</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>more information asked for</source>
        <translation>追加情報を依頼中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>superseded</source>
        <translation>新しい起案に置き換え</translation>
    </message>
</context>
<context>
    <name>ResponseWording</name>
    <message>
        <location filename="../../qa_desktop/ui/response/wording.py" line="+28"/>
        <source>{days} d {hours} h</source>
        <translation>{days} 日 {hours} 時間</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 時間 {minutes} 分</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot start: first known time missing</source>
        <translation>開始できません: 初認知日時が未入力です</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>OVERDUE by {span}</source>
        <translation>期限超過 {span}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{span} left</source>
        <translation>残り {span}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>approved</source>
        <translation>承認</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reviewed</source>
        <translation>確認</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Signed by {name} ({user}), {when}: {meaning}</source>
        <translation>{name}（{user}）が {when} に署名: {meaning}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> — NOT VALID: {problem}</source>
        <translation> — 無効: {problem}</translation>
    </message>
</context>
<context>
    <name>ReviewInboxWindow</name>
    <message>
        <location filename="../../qa_desktop/ui/response/review_inbox.py" line="+61"/>
        <source>Review inbox</source>
        <extracomment>The user asked to open an incident (its reference).</extracomment>
        <translation>レビュー受付箱</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Flow action taken on approval</source>
        <translation>承認時に行う対応フローの操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comment (needed unless approving)</source>
        <translation>コメント（承認以外では必須）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Approve and sign…</source>
        <translation>承認して署名(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;ject and sign…</source>
        <translation>却下して署名(&amp;J)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Return with comments</source>
        <translation>コメントを付けて差し戻す(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask for &amp;more information</source>
        <translation>追加情報を求める(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;fresh</source>
        <translation>更新(&amp;F)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>On approval, take:</source>
        <translation>承認時に行う操作:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Nothing awaits your review.</source>
        <translation>レビュー待ちのものはありません。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Most urgent clock: {title} ({jurisdiction}), due {local} / {regulator}</source>
        <translation>最も急ぐ期限: {title}（{jurisdiction}）、期限 {local} / {regulator}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Classification: {severity} (proposed {proposed})</source>
        <translation>分類: {severity}（提案 {proposed}）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Proposed decision by {who}:</source>
        <translation>{who} が起案した判断:</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Your answer was recorded.</source>
        <translation>回答を記録しました。</translation>
    </message>
</context>
<context>
    <name>RiskText</name>
    <message>
        <location filename="../../qa_desktop/ui/response/risk_text.py" line="+14"/>
        <source>No R-Map point: no field data given.</source>
        <translation>R-Map 評価なし: 市場データが入力されていません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Region {region}: {meaning}</source>
        <translation>領域 {region}: {meaning}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Frequency {level} ({name}): {rate} incidents per unit-year</source>
        <translation>発生頻度 {level}（{name}）: 1 台・1 年あたり {rate} 件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Harm {numeral} ({name})</source>
        <translation>危害 {numeral}（{name}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{incidents} incidents, {units} units in the field, {years} years in use</source>
        <translation>事故 {incidents} 件、市場台数 {units} 台、使用年数 {years} 年</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No Safety Gate assessment: no scenario given.</source>
        <translation>Safety Gate 評価なし: シナリオが入力されていません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Risk {risk}, governed by “{scenario}”</source>
        <translation>リスク {risk}（「{scenario}」による）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name}: {steps} = {probability}, severity {severity}: {risk}</source>
        <translation>{name}: {steps} = {probability}、危害度 {severity}: {risk}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Recall</source>
        <translation>リコールする</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No recall</source>
        <translation>リコールしない</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Models: {models}</source>
        <translation>機種: {models}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Serials / lots: {lots}</source>
        <translation>製造番号 / ロット: {lots}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Units in scope: {units}</source>
        <translation>対象台数: {units}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remedy: {remedies}</source>
        <translation>対応方法: {remedies}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channels: {channels}</source>
        <translation>告知方法: {channels}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel details: {details}</source>
        <translation>告知の詳細: {details}</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../qa_desktop/ui/sign_in_dialog.py" line="+59"/>
        <source>Sign in — QA Desktop</source>
        <extracomment>The password of every account in a database filled by ``qa-desktop demo``.</extracomment>
        <translation>サインイン — QA Desktop</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in to {database}</source>
        <translation>{database} にサインイン</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;User name:</source>
        <translation>ユーザー名(&amp;U):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Sign in</source>
        <translation>サインイン(&amp;S)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Sign-in problem</source>
        <translation>サインインの問題</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Demo accounts</source>
        <translation>デモ用アカウント(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo accounts</source>
        <translation>デモ用アカウント</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pick an account to fill in its user name. The demo password is {password}.</source>
        <translation>アカウントを選ぶとユーザー名が入力されます。デモ用のパスワードは {password} です。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{name} — {role} ({username})</source>
        <translation>{name} — {role}（{username}）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Enter your user name and password.</source>
        <translation>ユーザー名とパスワードを入力してください。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Unknown user name or wrong password.</source>
        <translation>ユーザー名が存在しないか、パスワードが違います。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrong password. The account {name} is now locked after {n} failed attempts; an administrator must unlock it.</source>
        <translation>パスワードが違います。{n} 回失敗したため、アカウント {name} はロックされました。管理者にロックの解除を依頼してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The account {name} is locked after {n} failed attempts; an administrator must unlock it.</source>
        <translation>アカウント {name} は {n} 回の失敗によりロックされています。管理者にロックの解除を依頼してください。</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <location filename="../../qa_desktop/ui/response/signature_dialog.py" line="+43"/>
        <source>Sign electronically</source>
        <translation>電子署名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You are signing: {what}
Your name, the date and time and the meaning below are recorded with the signature.</source>
        <translation>署名の対象: {what}
あなたの名前、日時、下記の署名の意味が署名と一緒に記録されます。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signer:</source>
        <translation>署名者:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meaning:</source>
        <translation>署名の意味:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Comment:</source>
        <translation>コメント(&amp;C):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Sign</source>
        <translation>署名(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SimilarIncidentsPanel</name>
    <message>
        <location filename="../../qa_desktop/ui/cause_graph/lessons_views.py" line="+33"/>
        <source>Past incidents like this one appear here.</source>
        <extracomment>Open the analysis of this past incident.</extracomment>
        <translation>この事故に似た過去の事故がここに表示されます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Similar past incidents</source>
        <translation>類似の過去事故</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Past incident, causes and countermeasures</source>
        <translation>過去の事故、原因、再発防止策</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Look again</source>
        <translation>もう一度探す(&amp;L)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Looking for similar past incidents…</source>
        <translation>類似の過去事故を探しています…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Similar incidents could not be read.</source>
        <translation>類似の事故を読み込めませんでした。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{count} similar past incident(s), most alike first.</source>
        <translation>類似の過去事故 {count} 件（類似度の高い順）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No similar past incidents were found.</source>
        <translation>類似の過去事故は見つかりませんでした。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{product}, {year}; score {score}</source>
        <translation>{product}、{year} 年、スコア {score}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Double-click to open its analysis</source>
        <translation>ダブルクリックすると原因分析を開きます</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why it matches</source>
        <translation>類似と判断した理由</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Confirmed causes ({count})</source>
        <translation>確認済みの原因（{count} 件）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Countermeasures ({count})</source>
        <translation>再発防止策（{count} 件）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>check: {result}</source>
        <translation>有効性確認: {result}</translation>
    </message>
</context>
<context>
    <name>SimilarIncidentsTab</name>
    <message>
        <location filename="../../qa_desktop/ui/similar_tab.py" line="+33"/>
        <source>Save the incident to see similar past incidents.</source>
        <translation>事故を保存すると、類似の過去事故が表示されます。</translation>
    </message>
</context>
<context>
    <name>Workflow</name>
    <message>
        <location filename="../../qa_desktop/ui/response/flow_words.py" line="+14"/>
        <source>Business-unit QA</source>
        <translation>事業部品質保証</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head-office QA division</source>
        <translation>本社品質保証本部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intake</source>
        <translation>受付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classification</source>
        <translation>分類</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Containment</source>
        <translation>封じ込め</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serious incident response</source>
        <translation>重大事故対応</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investigation</source>
        <translation>原因調査</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Countermeasures</source>
        <translation>再発防止策</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Immediate action</source>
        <translation>応急処置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regulator reports</source>
        <translation>規制当局への報告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website disclosure</source>
        <translation>ウェブサイトでの公表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status report to top management</source>
        <translation>経営層への状況報告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recall decision</source>
        <translation>リコール判断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit for classification</source>
        <translation>分類に回す</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask for more information</source>
        <translation>追加情報を求める</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm the classification</source>
        <translation>分類を確定する</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record the immediate action</source>
        <translation>応急処置を記録する</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return for reclassification</source>
        <translation>再分類に差し戻す</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the serious incident response</source>
        <translation>重大事故対応を開始する</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the investigation</source>
        <translation>原因調査を開始する</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record the regulator reports as filed</source>
        <translation>規制当局への報告提出を記録する</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decide the incident is not reportable</source>
        <translation>報告不要と判断する</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record the website disclosure</source>
        <translation>ウェブサイトでの公表を記録する</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the status report to top management</source>
        <translation>経営層へ状況報告を送る</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decide on a recall</source>
        <translation>リコール実施を決定する</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decide against a recall</source>
        <translation>リコール不実施を決定する</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve the root causes</source>
        <translation>根本原因を承認する</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return with comments</source>
        <translation>コメント付きで差し戻す</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the incident</source>
        <translation>事故を完了する</translation>
    </message>
</context>
<context>
    <name>YokotenPanel</name>
    <message>
        <location filename="../../qa_desktop/ui/cause_graph/yokoten_panel.py" line="+63"/>
        <source>Yokoten candidates</source>
        <extracomment>Ask the services for proposals. A decision was made: candidate id, decision, reason. Remove the candidate with this id.</extracomment>
        <translation>横展開の候補</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product / model / business unit</source>
        <translation>製品 / 型式 / 事業部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shares</source>
        <translation>共通する原因・部品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>判断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Find proposals</source>
        <translation>候補を探す(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;pply…</source>
        <translation>適用(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;kip…</source>
        <translation>見送り(&amp;K)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remo&amp;ve</source>
        <translation>削除(&amp;V)</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>{total} candidate(s), {undecided} without a decision.</source>
        <translation>候補 {total} 件、うち未決定 {undecided} 件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No candidates yet: find proposals, or none share this cause.</source>
        <translation>候補はまだありません。候補を探してください（この原因を共有する対象がない場合もあります）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Why is the lesson not deployed to {target}? (required)</source>
        <translation>{target} に教訓を展開しない理由を入力してください（必須）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How is the countermeasure deployed to {target}? (optional)</source>
        <translation>{target} への再発防止策の展開方法（任意）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Yokoten decision</source>
        <translation>横展開の判断</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not recorded: skipping needs a reason.</source>
        <translation>記録されていません。見送るには理由が必要です。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not recorded: the reason may be at most {limit} characters.</source>
        <translation>記録されていません。理由は {limit} 文字以内にしてください。</translation>
    </message>
</context>
</TS>
