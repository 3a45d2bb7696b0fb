using ProjectHub.Registry.V1;

namespace ProjectHub.Board.Api;

/// <summary>Reads the whole project list page by page (the board shows every key project at once).</summary>
public static class ProjectReader
{
    public static async Task<List<Project>> AllAsync(BoardServices services, CancellationToken cancellation)
    {
        var all = new List<Project>();
        var token = "";
        do
        {
            var page = await services.Registry.ListProjectsAsync(
                new ListProjectsRequest { PageSize = 200, PageToken = token },
                services.Read(cancellation));
            all.AddRange(page.Projects);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return all;
    }
}
