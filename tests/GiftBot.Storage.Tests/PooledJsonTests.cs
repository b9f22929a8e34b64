using System.Text;

namespace GiftBot.Storage.Tests;

public sealed class PooledJsonTests
{
    // A fresh thread's kept builder starts with one 1,024-character chunk: the emoji's two halves land in two chunks.
    [Theory]
    [InlineData(1021)]
    [InlineData(1022)]
    [InlineData(1023)]
    [InlineData(3000)]
    public void Utf8_IsTheTextsUtf8_EvenWhenACharacterStraddlesTwoChunks(int before)
    {
        var value = new string('x', before) + "🎁 café" + new string('y', 2000) + "🚀";
        string? text = null;
        byte[]? utf8 = null;
        var thread = new Thread(() =>
        {
            utf8 = PooledJson.WriteUtf8(json => json.WriteValue(value), bytes => bytes.ToArray());
            text = PooledJson.Write(json => json.WriteValue(value));
        });
        thread.Start();
        thread.Join();

        Assert.Equal(Encoding.UTF8.GetBytes(text!), utf8);
        Assert.Equal('"' + value + '"', Encoding.UTF8.GetString(utf8!));
    }
}
