using System.Globalization;
using System.Net.Http.Headers;
using GiftBot.Dialogs;
using GiftBot.Storage;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace GiftBot.Bot;

/// <summary>
/// A kept connector client's conversation operations, with the two every reply uses (reply to an activity, send to a
/// conversation) sending the same request as the SDK's generated client, built more cheaply: the generated code writes the
/// activity into a growing StringBuilder, copies it to a string, encodes that to UTF-8 for a StringContent, and reads the
/// {"id": ...} answer as a string to parse; here the JSON is written in the thread's kept builder and encoded once into
/// the request's byte array (same serializer settings, so the same bytes), and the answer is parsed with a pooled buffer.
/// Everything else, and both operations while the SDK's tracing is on, goes to the SDK's own implementation.
/// </summary>
internal sealed class Utf8ReplyConversations(ConnectorClient client) : IConversations
{
    private static readonly MediaTypeHeaderValue JsonUtf8 = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    private readonly IConversations _sdk = client.Conversations;
    private readonly JsonSerializer _writer = JsonSerializer.CreateDefault(client.SerializationSettings);
    private readonly JsonSerializer _reader = JsonSerializer.CreateDefault(client.DeserializationSettings);

    public Task<HttpOperationResponse<ResourceResponse>> ReplyToActivityWithHttpMessagesAsync(string conversationId, string activityId, Activity activity, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default)
    {
        if (ServiceClientTracing.IsEnabled) return _sdk.ReplyToActivityWithHttpMessagesAsync(conversationId, activityId, activity, customHeaders, cancellationToken);
        if (conversationId is null) throw new ValidationException(ValidationRules.CannotBeNull, "conversationId");
        if (activityId is null) throw new ValidationException(ValidationRules.CannotBeNull, "activityId");
        if (activity is null) throw new ValidationException(ValidationRules.CannotBeNull, "activity");
        return PostActivityAsync(
            $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}", conversationId, activity, customHeaders, cancellationToken);
    }

    public Task<HttpOperationResponse<ResourceResponse>> SendToConversationWithHttpMessagesAsync(string conversationId, Activity activity, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default)
    {
        if (ServiceClientTracing.IsEnabled) return _sdk.SendToConversationWithHttpMessagesAsync(conversationId, activity, customHeaders, cancellationToken);
        if (conversationId is null) throw new ValidationException(ValidationRules.CannotBeNull, "conversationId");
        if (activity is null) throw new ValidationException(ValidationRules.CannotBeNull, "activity");
        // The generated SendToConversation sends no conversation id header; ReplyToActivity does.
        return PostActivityAsync($"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", null, activity, customHeaders, cancellationToken);
    }

    private async Task<HttpOperationResponse<ResourceResponse>> PostActivityAsync(
        string path, string? conversationIdHeader, Activity activity, Dictionary<string, List<string>>? customHeaders, CancellationToken cancellationToken)
    {
        // As the generated client resolves it: relative to the base URI with a trailing slash added.
        var baseUrl = client.BaseUri.AbsoluteUri;
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"), path));
        HttpResponseMessage? response = null;
        try
        {
            if (customHeaders is not null)
            {
                foreach (var (name, values) in customHeaders)
                {
                    request.Headers.Remove(name);
                    request.Headers.TryAddWithoutValidation(name, values);
                }
            }

            if (conversationIdHeader is not null) request.Headers.Add(ConversationConstants.ConversationIdHttpHeaderName, conversationIdHeader);
            var sentJson = PooledJson.WriteUtf8(writer => _writer.Serialize(writer, activity), static utf8 => utf8.ToArray());
            // The console transcript stores these bytes as the reply's record (one serialisation per reply, not two).
            SentActivityJson.Remember(activity, sentJson);
            request.Content = new ByteArrayContent(sentJson);
            request.Content.Headers.ContentType = JsonUtf8;

            if (client.Credentials is not null)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await client.Credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            response = await client.HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            var status = (int)response.StatusCode;
            if (status is not (200 or 201 or 202)) throw await ErrorAsync(request, response, activity).ConfigureAwait(false);

            var content = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            ResourceResponse? body;
            try
            {
                using var reader = PooledJson.Reader(content);
                body = _reader.Deserialize<ResourceResponse>(reader);
            }
            catch (JsonException ex)
            {
                throw new SerializationException("Unable to deserialize the response.", content, ex);
            }

            var result = new HttpOperationResponse<ResourceResponse> { Request = request, Response = response, Body = body! };
            request = null;
            response = null;
            return result;
        }
        finally
        {
            // Handed to the caller on success (it disposes the result); disposed here when the send failed, as the SDK does.
            request?.Dispose();
            response?.Dispose();
        }
    }

    // The generated client's error: the connector's error body when it has one, and the request and response for logs.
    private async Task<ErrorResponseException> ErrorAsync(HttpRequestMessage request, HttpResponseMessage response, Activity activity)
    {
        var error = new ErrorResponseException(string.Format(CultureInfo.InvariantCulture, "Operation returned an invalid status code '{0}'", response.StatusCode));
        string? content = null;
        try
        {
            content = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (JsonConvert.DeserializeObject<ErrorResponse>(content, client.DeserializationSettings) is { } body) error.Body = body;
        }
        catch (JsonException)
        {
        }

        error.Request = new HttpRequestMessageWrapper(request, JsonConvert.SerializeObject(activity, client.SerializationSettings));
        error.Response = new HttpResponseMessageWrapper(response, content);
        return error;
    }

    public Task<HttpOperationResponse<ConversationsResult>> GetConversationsWithHttpMessagesAsync(string? continuationToken = null, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        _sdk.GetConversationsWithHttpMessagesAsync(continuationToken, customHeaders, cancellationToken);

    public Task<HttpOperationResponse<ConversationResourceResponse>> CreateConversationWithHttpMessagesAsync(ConversationParameters parameters, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        _sdk.CreateConversationWithHttpMessagesAsync(parameters, customHeaders, cancellationToken);

    public Task<HttpOperationResponse<ResourceResponse>> SendConversationHistoryWithHttpMessagesAsync(string conversationId, Transcript transcript, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        _sdk.SendConversationHistoryWithHttpMessagesAsync(conversationId, transcript, customHeaders, cancellationToken);

    public Task<HttpOperationResponse<ResourceResponse>> UpdateActivityWithHttpMessagesAsync(string conversationId, string activityId, Activity activity, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        _sdk.UpdateActivityWithHttpMessagesAsync(conversationId, activityId, activity, customHeaders, cancellationToken);

    public Task<HttpOperationResponse> DeleteActivityWithHttpMessagesAsync(string conversationId, string activityId, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        _sdk.DeleteActivityWithHttpMessagesAsync(conversationId, activityId, customHeaders, cancellationToken);

    public Task<HttpOperationResponse<IList<ChannelAccount>>> GetConversationMembersWithHttpMessagesAsync(string conversationId, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        _sdk.GetConversationMembersWithHttpMessagesAsync(conversationId, customHeaders, cancellationToken);

    public Task<HttpOperationResponse<PagedMembersResult>> GetConversationPagedMembersWithHttpMessagesAsync(string conversationId, int? pageSize = null, string? continuationToken = null, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        _sdk.GetConversationPagedMembersWithHttpMessagesAsync(conversationId, pageSize, continuationToken, customHeaders, cancellationToken);

    public Task<HttpOperationResponse> DeleteConversationMemberWithHttpMessagesAsync(string conversationId, string memberId, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        _sdk.DeleteConversationMemberWithHttpMessagesAsync(conversationId, memberId, customHeaders, cancellationToken);

    public Task<HttpOperationResponse<IList<ChannelAccount>>> GetActivityMembersWithHttpMessagesAsync(string conversationId, string activityId, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        _sdk.GetActivityMembersWithHttpMessagesAsync(conversationId, activityId, customHeaders, cancellationToken);

    public Task<HttpOperationResponse<ResourceResponse>> UploadAttachmentWithHttpMessagesAsync(string conversationId, AttachmentData attachmentUpload, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        _sdk.UploadAttachmentWithHttpMessagesAsync(conversationId, attachmentUpload, customHeaders, cancellationToken);
}
