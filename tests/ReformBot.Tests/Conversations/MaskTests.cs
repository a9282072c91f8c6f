using ReformBot.Core.Conversations;

namespace ReformBot.Tests.Conversations;

public sealed class MaskTests
{
    [Theory]
    [InlineData("6142494823123456789", "…6789")]
    [InlineData("abc", "…")]
    [InlineData("", "-")]
    public void KeepsOnlyTheLastFourCharactersOfAnId(string id, string masked) => Assert.Equal(masked, Mask.Id(id));

    [Theory]
    [InlineData("gọi em số 0905 123 456 nhé", "gọi em số *** nhé")]
    [InlineData("CCCD 079203001234 của tôi", "CCCD *** của tôi")]
    [InlineData("+84.905.123.456", "***")]
    [InlineData("nhà 4 tầng, 120 m2, năm 2026", "nhà 4 tầng, 120 m2, năm 2026")]
    public void HidesPhoneAndIdCardNumbersButNotOrdinaryNumbers(string text, string masked) => Assert.Equal(masked, Mask.Text(text));
}
