# CA Lens: exclude a service principal from one Conditional Access policy.
# Review before running. It saves the policy as it is now, then adds one exclusion and nothing else.
# Every value taken from the logs is a quoted string below; none is code or a comment.
Connect-MgGraph -Scopes "Policy.Read.All", "Policy.ReadWrite.ConditionalAccess"
$policyId = {{policyId}}
$policyName = {{policyName}}
$servicePrincipalId = {{principalId}}
$servicePrincipalName = {{principalName}}
Write-Host "Excluding the service principal $servicePrincipalName from the policy $policyName"
$policy = Get-MgIdentityConditionalAccessPolicy -ConditionalAccessPolicyId $policyId
$policy | ConvertTo-Json -Depth 10 | Out-File -Encoding utf8 "ca-policy-$policyId-before-$(Get-Date -Format yyyyMMddHHmmss).json"
$clientApps = $policy.Conditions.ClientApplications
$exclude = @($clientApps.ExcludeServicePrincipals) + $servicePrincipalId | Where-Object { $_ } | Select-Object -Unique
$include = @($clientApps.IncludeServicePrincipals) | Where-Object { $_ }
Update-MgIdentityConditionalAccessPolicy -ConditionalAccessPolicyId $policyId -Conditions @{
    ClientApplications = @{ IncludeServicePrincipals = $include; ExcludeServicePrincipals = $exclude }
}
(Get-MgIdentityConditionalAccessPolicy -ConditionalAccessPolicyId $policyId).Conditions.ClientApplications.ExcludeServicePrincipals
