# CA Lens: list the enabled Conditional Access policies and who each excludes.
Connect-MgGraph -Scopes "Policy.Read.All"
Get-MgIdentityConditionalAccessPolicy -All | Where-Object { $_.State -eq 'enabled' } |
    Sort-Object DisplayName |
    Select-Object DisplayName, Id,
        @{ n = 'ExcludeUsers'; e = { $_.Conditions.Users.ExcludeUsers -join ', ' } },
        @{ n = 'ExcludeGroups'; e = { $_.Conditions.Users.ExcludeGroups -join ', ' } },
        @{ n = 'ExcludeServicePrincipals'; e = { $_.Conditions.ClientApplications.ExcludeServicePrincipals -join ', ' } }
