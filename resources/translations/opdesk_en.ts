<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BirthField</name>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only the &amp;year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the birth year is known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckInScreen</name>
    <message>
        <source>Anonymous visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Called: {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit recorded: {name}. Ctrl+Z undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the visit of {name} at {time}? It leaves today&apos;s list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit undone: {name}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComuneCombo</name>
    <message>
        <source>Choose or type a comune</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentsBox</name>
    <message>
        <source>Consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the privacy noti&amp;ce (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registr&amp;ation at the opcafè (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findab&amp;le at the other opcafè of the Rhodense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact by phone for re&amp;minders and follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing with the ser&amp;vices the person is referred to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a minor, the consent is given by the parent or guardian chosen beside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the notice to the person before they consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice shown: version {version}, {language}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection to HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data received from HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No site chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced: never</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>To send: %n</source>
        <translation>
            <numerusform>To send: %n</numerusform>
            <numerusform>To send: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes waiting to be sent to HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving data: {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Problems: %n</source>
        <translation>
            <numerusform>Problems: %n</numerusform>
            <numerusform>Problems: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to HQ yet: Desk → Connect to HQ… takes HQ&apos;s code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Born</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codice fiscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Citizenship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domicile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not available: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no fixed abode</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <source>Perhaps already registered:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+1…3 uses that person instead; Alt+0 registers a new person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;0  It&apos;s another person: register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use {person} instead</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditPersonDialog</name>
    <message>
        <source>Edit: {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <source>Connect to HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ gives each desk a one-time code. Write HQ&apos;s address and the code: the desk then syncs by itself every few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate authority file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only if HQ uses certificates of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking HQ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ertificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write HQ&apos;s address, e.g. https://hq.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the code HQ gave for this desk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuardianBox</name>
    <message>
        <source>Under 18: parent or guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required for a minor. The parent or guardian must already be registered: find them by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent or g&amp;uardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the parent or guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another parent or guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent or guardian: {person}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InformativaDialog</name>
    <message>
        <source>Privacy notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version of the notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The privacy notice in this language is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the notice as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>opdesk · opcafè front desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect to HQ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;heck against HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare this desk&apos;s copy with HQ&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check could not be completed now: it will be tried again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk&apos;s copy differed from HQ&apos;s: it was downloaded again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk&apos;s copy matches HQ&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk is now connected to HQ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to HQ: this desk now records its visits for {site}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the opcafè HQ enrolled it for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync stopped: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync stopped: the reason is in Sync problems (Ctrl+3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opdesk cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a name: results follow.
↑ ↓ and Enter: choose the person.
1-5: topics · V / O: waits for a volunteer / a counsellor.
Ctrl+Enter: record the visit · Esc: back.
F2: anonymous visit · Ctrl+N: new person.
F5: call · F6: seen · F8: gone (waiting queue).
Ctrl+Z: undo the selected visit of today.
Ctrl+, : settings · F1: this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close opdesk?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A visit is being written and is not recorded yet. Close anyway?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge two records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If {name} was registered twice, find the other record: its visits, consents and household links move here. The merge can be undone from the person&apos;s page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find the other record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the other record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{visits}, {consents} and {links} will move to {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s)</source>
        <translation>
            <numerusform>%n consent</numerusform>
            <numerusform>%n consents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n household link(s)</source>
        <translation>
            <numerusform>%n household link</numerusform>
            <numerusform>%n household links</numerusform>
        </translation>
    </message>
    <message>
        <source>Other record: {other}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Merge (Ctrl+Enter) to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPersonDialog</name>
    <message>
        <source>New person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is a minor: choose their parent or guardian.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the privacy notice and tick the consent to registration: without it the person cannot be registered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>opdesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleScreen</name>
    <message>
        <source>← Back to the search (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some fields need attention: see the messages in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you typed will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>&amp;Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth &amp;place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ci&amp;tizenship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Citizenship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;odice fiscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codice fiscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No codice fiscale because</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why there is no codice fiscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Residence: comune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comune of residence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residence addr&amp;ess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residence address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No fi&amp;xed abode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No fixed abode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Domicile: comune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comune of domicile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domic&amp;ile address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domicile address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the person is staying now, if elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where they live</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <source>Record a &amp;visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mer&amp;ge with another record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the kept record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged record to separate again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this person&apos;s name, birth year and comune are here: the full record is kept at another opcafè. Record their visit: the full record arrives with the next synchronisation, and can be changed then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was merged into {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Also shows %n merged record(s). A mistake? Separate them again:</source>
        <translation>
            <numerusform>Also shows %n merged record. A mistake? Separate them again:</numerusform>
            <numerusform>Also shows %n merged records. A mistake? Separate them again:</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes saved: {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records merged. &quot;Undo merge&quot; on this page separates them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records separated again: {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw the consent &quot;{purpose}&quot;? This is recorded and cannot be undone: a new consent would be needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent withdrawn: {purpose}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>A few letters of the name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑↓ to choose, Enter to pick.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody found with these letters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonTables</name>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdraw the selected consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Vi&amp;sits (%n)</source>
        <translation>
            <numerusform>Vi&amp;sits (%n)</numerusform>
            <numerusform>Vi&amp;sits (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Household (%n)</source>
        <translation>
            <numerusform>&amp;Household (%n)</numerusform>
            <numerusform>&amp;Household (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Consents (%n)</source>
        <translation>
            <numerusform>&amp;Consents (%n)</numerusform>
            <numerusform>&amp;Consents (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemWords</name>
    <message>
        <source>given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>birth year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>birth place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>codice fiscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>why there is no codice fiscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>citizenship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comune of residence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address of residence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>homeless</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comune of domicile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address of domicile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registration of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>here: {mine} · other desk: {theirs}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may be {other}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another desk changed the {field} of {name} too. This desk wrote “{mine}”, the other desk “{theirs}”. This desk&apos;s value is kept and sent to HQ, unless you restore the other one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, registered at this desk, may be the same person as {other}, registered at another desk ({reasons}). If so, merge the two records; if not, say so and this pair will not be raised again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ refused this {change}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waited for it and were refused with it.</source>
        <translation>
            <numerusform>%n change waited for it and was refused with it.</numerusform>
            <numerusform>%n changes waited for it and were refused with it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change of a person&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undone visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merge of two records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n later change(s) needed it and were refused too</source>
        <translation>
            <numerusform>%n later change needed it and were refused too</numerusform>
            <numerusform>%n later changes needed it and were refused too</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsScreen</name>
    <message>
        <source>What the last syncs with HQ left for you to decide: changes HQ refused, details another desk changed too, people who may have been registered twice. Choose a problem, read it, then choose what to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark as seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep this change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore the other value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mer&amp;ge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Not the same person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counsellor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (called)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived at {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Waiting queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gone (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Waiting: %n</source>
        <translation>
            <numerusform>Waiting: %n</numerusform>
            <numerusform>Waiting: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Name, codice fiscale or phone…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Who is here?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a few letters of the name. Ctrl+N: new person · F2: anonymous visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody found. Press Enter to register a new person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑↓ to choose, Enter to open the person&apos;s page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑↓ to choose, Enter to check in. F3: the person&apos;s page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>every %n minute</numerusform>
            <numerusform>every %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync with HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only if HQ moved: this desk keeps its enrollment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync with HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StorageError</name>
    <message>
        <source>The database cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not an opdesk database. It has been left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was written by a newer opdesk. Update opdesk to open it; the file has been left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database failed its integrity check. It has been left untouched; restore a backup or call for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: nothing was saved. Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy in another opdesk window. Close it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncHealthWords</name>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) behind</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n minute behind</numerusform>
            <numerusform>This computer&apos;s clock is %n minutes behind</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) ahead</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n minute ahead</numerusform>
            <numerusform>This computer&apos;s clock is %n minutes ahead</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n hour(s) behind</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n hour behind</numerusform>
            <numerusform>This computer&apos;s clock is %n hours behind</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n hour(s) ahead</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n hour ahead</numerusform>
            <numerusform>This computer&apos;s clock is %n hours ahead</numerusform>
        </translation>
    </message>
    <message>
        <source>no answer from HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sync has not worked for %n hour(s): {error}</source>
        <translation>
            <numerusform>Sync has not worked for %n hour: {error}</numerusform>
            <numerusform>Sync has not worked for %n hours: {error}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync has not worked for %n day(s): {error}</source>
        <translation>
            <numerusform>Sync has not worked for %n day: {error}</numerusform>
            <numerusform>Sync has not worked for %n days: {error}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>Today&apos;s visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo selected visit (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Today&apos;s visits: %n</source>
        <translation>
            <numerusform>Today&apos;s visits: %n</numerusform>
            <numerusform>Today&apos;s visits: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayVisitsModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous visit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitPanel</name>
    <message>
        <source>Not waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Volunteer (V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ounsellor (O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waits for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record visit (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already waiting, since {time}: record another visit only if they came back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody&apos;s name is recorded: only the topics.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to opdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome! Which opcafè is this desk? Choose it once: the visits recorded here will belong to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Just trying: use invented people</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplicates</name>
    <message>
        <source>same codice fiscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>similar name and same birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>similar name and same birth year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Too long: at most {max} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These people are merged in a loop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was already saved ({ident}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid phone number. Write it with its prefix, e.g. 333 123 4567.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk has no site yet: choose one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong and nothing was saved. The details are in the log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some fields need attention: {fields}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No {what} with id {ident}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to do this: {action}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person&apos;s full record is kept at another opcafè. Check them in: it arrives here with the next synchronisation, and can be changed then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Somebody else changed these fields meanwhile: {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change &apos;{name}&apos; cannot be read: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ&apos;s database could not store this change: a value is too long or out of range, or it names something HQ does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which privacy notice was shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A minor&apos;s consent is given by their parent or guardian.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a linked parent or guardian can consent for somebody else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This consent was already withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A site needs a name and a comune.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This username is empty or already taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person cannot be their own guardian.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is a minor: choose the parent or guardian first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person was already merged into another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These two are already one person: they were merged before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person cannot be merged with themselves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is not merged into anybody.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person cannot be linked to themselves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown topic: {topics}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note is too long (at most {max} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This visit does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This visit was already undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A codice fiscale has 16 letters and digits, like RSSMRA85T10A562S.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last character of this codice fiscale does not match: check for a typo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This codice fiscale cannot exist: its birth date or birth place code is wrong. Check for a typo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The codice fiscale says born on {date}, not the birth date given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The codice fiscale does not match the sex given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The codice fiscale says born in {place}, not the birth place given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write at least one name (a single name is fine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This name is too long (at most {max} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth year does not match the birth date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth year is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Born more than {years} years ago? Check the year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person senza fissa dimora has no residence address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This date does not exist. Write it as dd/mm/yyyy, e.g. 31/01/1980.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This visitor is no longer waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the year with four digits, e.g. 1980.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another desk changed {field} too: this desk&apos;s value is kept for now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person may have been registered at another desk too: {reasons}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>format</name>
    <message>
        <source>seen today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seen yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seen {days} days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>person</name>
    <message>
        <source>Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findable at the other opcafè</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact by phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing with partner services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent or guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Son or daughter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brother or sister</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In their care (minor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F (female)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M (male)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X (other)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>born abroad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not know it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prefers not to give it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>This enrollment code is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk is not enrolled at HQ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such device, or it was revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This code is for a desk of another opcafè: ask HQ for a code for this desk&apos;s opcafè.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This enrollment code has expired: ask HQ for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk was revoked at HQ: ask HQ to enroll it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ&apos;s certificate is not trusted by this desk: choose the certificate authority file HQ gave you, or check HQ&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ&apos;s certificate is not for this address: check HQ&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ&apos;s certificate has expired or is not valid yet: tell HQ, or check this PC&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure connection with HQ could not be made: check HQ&apos;s address (https:// or http://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ closed the connection without answering: if HQ uses https, its address must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ cannot be reached: check the network and HQ&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ did not answer in time: the desk will try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ&apos;s answer could not be read; nothing was changed here. The desk will try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something other than HQ answered at this address: check HQ&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate authority file cannot be read: choose it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ must be updated before this desk can sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update opdesk on this desk to sync again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every mutation must be of the pushing desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ could not answer: the desk will try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ could not process this request; it will be tried again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an error on this desk stopped it (details in the log file); nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>topics</name>
    <message>
        <source>Housing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
