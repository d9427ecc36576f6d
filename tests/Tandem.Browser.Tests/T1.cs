namespace Tandem.Browser.Tests; public sealed class T1 { [Fact] public void One() => Assert.Equal(2, 1+1); }
