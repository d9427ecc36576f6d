namespace Tandem.Web.Features.MyData;

/// <summary>Marker for the My data page's strings: Resources/Features/MyData/MyDataText.zh-Hans.resx.</summary>
public sealed class MyDataText;
