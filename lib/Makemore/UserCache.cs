namespace Makemore;

/// <summary>makemore.NET's own cache folder ($XDG_CACHE_HOME/makemore-net, else ~/.cache/makemore-net).</summary>
internal static class UserCache
{
    public static string Folder
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var root = string.IsNullOrEmpty(xdg)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
                : xdg;
            return Path.Combine(root, "makemore-net");
        }
    }
}
