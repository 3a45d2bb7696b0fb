using ProjectHub.Domain;
using ProjectHub.Registry.Board;
using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Lights;
using ProjectHub.Wire;
using V1 = ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Wire;

/// <summary>The board, the unit ranking and the exit candidates on the wire.</summary>
public static class BoardWire
{
    public static V1.Board ToWire(BoardView view)
    {
        var summary = view.Summary;
        var board = new V1.Board
        {
            Totals = LightWire.Tally(summary.Totals),
            TotalInvestment = WireDecimal.ToWire(summary.TotalInvestment),
            YearPlannedInvestment = WireDecimal.ToWire(summary.YearPlannedInvestment),
            YearToDateCompleted = WireDecimal.ToWire(summary.YearToDateCompleted),
            CompletionPercent = WireDecimal.ToWire(summary.CompletionPercent),
            Year = view.Year,
        };
        board.ByIndustryDepartment.AddRange(Rows(summary.ByDepartment));
        board.ByLocality.AddRange(Rows(summary.ByLocality));
        board.ByLeaderInCharge.AddRange(Rows(summary.ByLeader));
        // Keyed by the tier in upper snake case without the enum value prefix ("MUNICIPAL_MAJOR"), as the proto documents.
        board.ByTier.AddRange(summary.ByTier.Select(t => new V1.BoardRow
        {
            Key = LightEngine.UpperSnake(t.Key.ToString()),
            Lights = LightWire.Tally(t.Value),
        }));
        return board;
    }

    public static RankUnitsCommand ToCommand(V1.RankUnitsRequest request)
    {
        var v = new Violations();
        var from = WireDate.ParseOptional(request.FromDate, "from_date", v);
        var to = WireDate.ParseOptional(request.ToDate, "to_date", v);
        return new RankUnitsCommand(from, to, v);
    }

    public static V1.RankUnitsResponse ToWire(UnitRankingView ranking)
    {
        var response = new V1.RankUnitsResponse { FromDate = WireDate.ToWire(ranking.From), ToDate = WireDate.ToWire(ranking.To) };
        response.Ranks.AddRange(ranking.Ranks.Select(x =>
        {
            var (r, f) = x;
            return new V1.UnitRank
            {
                Rank = r.Rank,
                Unit = r.Unit,
                Score = WireDecimal.ToWire(r.Score),
                GreenShare = WireDecimal.ToWire(r.Parts.GreenShare),
                InvestmentCompletion = WireDecimal.ToWire(r.Parts.InvestmentCompletion),
                OnTimeReporting = WireDecimal.ToWire(r.Parts.OnTimeReporting),
                ProblemResolution = WireDecimal.ToWire(r.Parts.ProblemResolution),
                MedianResolutionWorkingDays = WireDecimal.ToWire(r.MedianResolutionWorkingDays),
                Lights = LightWire.Tally(f.Projects),
                InvestmentCompleted = WireDecimal.ToWire(f.InvestmentCompleted),
                InvestmentPlanned = WireDecimal.ToWire(f.InvestmentPlanned),
                ReportsDue = f.ReportsDue,
                ReportsOnTime = f.ReportsOnTime,
            };
        }));
        return response;
    }

    public static V1.ListExitCandidatesResponse ToWire(IEnumerable<ExitCandidateView> candidates)
    {
        var response = new V1.ListExitCandidatesResponse();
        response.Candidates.AddRange(candidates.Select(c =>
        {
            var wire = new V1.ExitCandidate { ProjectId = c.Candidate.ProjectId, ProjectName = c.ProjectName };
            wire.Reasons.AddRange(c.Candidate.Reasons.Select(r => new V1.ExitReason { Code = r.Code, Message = r.Message }));
            return wire;
        }));
        return response;
    }

    private static IEnumerable<V1.BoardRow> Rows(IReadOnlyDictionary<string, LightCounts> counts) =>
        counts.Select(c => new V1.BoardRow { Key = c.Key, Lights = LightWire.Tally(c.Value) });
}
