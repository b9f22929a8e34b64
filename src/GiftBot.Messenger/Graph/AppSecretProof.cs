using System.Security.Cryptography;
using System.Text;

namespace GiftBot.Messenger.Graph;

/// <summary>appsecret_proof: lowercase hex HMAC-SHA256 of the access token keyed by the app secret, so a leaked token alone cannot call the API.</summary>
public static class AppSecretProof
{
    public static string Compute(string accessToken, string appSecret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(accessToken)));
}
