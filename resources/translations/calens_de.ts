<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>calens::DiagnosisWizard</name>
    <message>
        <source>Diagnose a blocked sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You answered this question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data cannot answer this: check it and answer yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered from the sign-in data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Evidence&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Where to check&lt;/b&gt;&lt;br&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root cause: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence %1 — %2, %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; — required: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Blocking policies&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Also&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Notes&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to incident report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fix — review before you run anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scripts save the current object first and make the smallest change. Nothing is applied by CA Lens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No change to Conditional Access is needed for this cause.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save script…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the fix worked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log Analytics:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft Graph:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load sign-ins recorded after the change to check them here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load newer sign-ins…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-ins after the fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>calens::DirectoryView</name>
    <message>
        <source>Policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named locations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts are for the sign-ins the filter shows. Double-click a policy to filter by it. Policies only seen in logs were not in a policy file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-ins counted are those the filter shows whose IP address is in the location.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>calens::IncidentsView</name>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show its sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked sign-ins grouped by policy, identity, application, unmet controls and cause.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed for %1 → %2:
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>calens::MainWindow</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open sign-in exports, a folder, or the demo tenant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA Lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named locations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What-If</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open sign-in exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a folder of exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: text, or field:value — error:53003 type:servicePrincipal policy:&quot;Require compliant device&quot; ip:10.0.0.0/8 result:failure control:mfa -app:teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked by Conditional Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report-only failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours of the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days of the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What-If…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy correlation ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the demo tenant…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading cancelled; what was shown before is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sign-in(s) loaded</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 sign-ins shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>calens::PathWidget</name>
    <message>
        <source>Path through the flowchart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>calens::PolicyResultsView</name>
    <message>
        <source>Policy results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures and report-only failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report-only failures (would block when enabled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied (success or failure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>calens::SignInsView</name>
    <message>
        <source>Sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked by policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmet controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top identities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top IP addresses</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>calens::TimeChart</name>
    <message>
        <source>Sign-ins over time (blocked in red)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-ins over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>calens::WhatIfView</name>
    <message>
        <source>user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service principal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compliant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not compliant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group ids, comma separated (blank: not known)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resource app ids, comma separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two-letter code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blank fields are &quot;not known&quot;: conditions that need them say so instead of guessing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the sign-in log and this evaluation disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (report-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evaluation agrees with the sign-in log for every policy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
