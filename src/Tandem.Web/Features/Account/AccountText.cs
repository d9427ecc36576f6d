namespace Tandem.Web.Features.Account;

/// <summary>Marker for the Account pages' strings: Resources/Features/Account/AccountText.zh-Hans.resx.</summary>
public sealed class AccountText;
