# CA Lens: exclude one account from one Conditional Access policy.
# Review before running. It saves the policy as it is now, then adds one exclusion and nothing else.
# Prefer excluding a group made for such accounts, and document why the account is excluded.
# Every value taken from the logs is a quoted string below; none is code or a comment.
Connect-MgGraph -Scopes "Policy.Read.All", "Policy.ReadWrite.ConditionalAccess"
$policyId = {{policyId}}
$policyName = {{policyName}}
$userId = {{principalId}}
$userName = {{principalName}}
Write-Host "Excluding the account $userName from the policy $policyName"
$policy = Get-MgIdentityConditionalAccessPolicy -ConditionalAccessPolicyId $policyId
$policy | ConvertTo-Json -Depth 10 | Out-File -Encoding utf8 "ca-policy-$policyId-before-$(Get-Date -Format yyyyMMddHHmmss).json"
$users = $policy.Conditions.Users
$exclude = @($users.ExcludeUsers) + $userId | Where-Object { $_ } | Select-Object -Unique
Update-MgIdentityConditionalAccessPolicy -ConditionalAccessPolicyId $policyId -Conditions @{
    Users = @{
        IncludeUsers = @($users.IncludeUsers); ExcludeUsers = $exclude
        IncludeGroups = @($users.IncludeGroups); ExcludeGroups = @($users.ExcludeGroups)
        IncludeRoles = @($users.IncludeRoles); ExcludeRoles = @($users.ExcludeRoles)
    }
}
(Get-MgIdentityConditionalAccessPolicy -ConditionalAccessPolicyId $policyId).Conditions.Users.ExcludeUsers
