# CA Lens: after investigating, dismiss the risk of one user (or reset the password instead).
# Review before running: dismiss only when the detections were false positives.
# Every value taken from the logs is a quoted string below; none is code or a comment.
Connect-MgGraph -Scopes "IdentityRiskyUser.ReadWrite.All"
$userId = {{principalId}}
$userName = {{principalName}}
Write-Host "Risk of the account $userName"
Get-MgRiskyUser -RiskyUserId $userId | Format-List UserPrincipalName, RiskLevel, RiskState, RiskDetail
Get-MgRiskDetection -Filter "userId eq '$userId'" | Sort-Object DetectedDateTime | Format-Table DetectedDateTime, RiskEventType, RiskLevel, IPAddress
# Invoke-MgDismissRiskyUser -UserIds $userId
