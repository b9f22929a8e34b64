namespace GiftBot.Catalog.Search;

/// <summary>
/// The best candidates of one search so far, in a heap bounded by the pool size (worst on top), so keeping the best
/// of many candidates never sorts them all. Order: more matched themes, meaning (in steps of 0.05, so near ties fall
/// to price), price nearest the budget, the most age-specific product, then id.
/// </summary>
internal sealed class CandidatePool
{
    private static readonly Comparer<Candidate> WorstFirst = Comparer<Candidate>.Create((a, b) => Compare(b, a));
    private readonly CatalogSnapshot _snapshot;
    private readonly SearchCriteria _criteria;
    private readonly CandidateFilter _filter;
    private readonly int _size;
    private readonly PriorityQueue<Candidate, Candidate> _heap;
    private readonly float[]? _wish;
    private readonly bool _ageAsked;
    /// <summary>The approximate similarity's error bound holds for a unit wish; a longer one stretches it.</summary>
    private readonly float _wishLength;

    public CandidatePool(CatalogSnapshot snapshot, SearchCriteria criteria, CandidateFilter filter, int size)
    {
        (_snapshot, _criteria, _filter, _size) = (snapshot, criteria, filter, size);
        _heap = new PriorityQueue<Candidate, Candidate>(size + 1, WorstFirst);
        _wish = snapshot.Meaning.HasVectors && criteria.WishVector is { } wish && wish.Length == snapshot.Meaning.Dimensions ? wish : null;
        _ageAsked = criteria.AgeMin is not null || criteria.AgeMax is not null;
        _wishLength = _wish is null ? 0 : MathF.Sqrt(GiftBot.Meaning.Vectors.Dot(_wish, _wish));
    }

    /// <summary>The wish as a vector, when it and the products have one.</summary>
    public float[]? Wish => _wish;
    public bool IsFull => _heap.Count >= _size;
    /// <summary>How far from the budget the worst kept product is priced, once the pool is full.</summary>
    public decimal? WorstPriceDistance => IsFull ? _heap.Peek().PriceDistance : null;

    /// <summary>
    /// Only for searches where nothing but the age span and the id order can rank (no wish, no wanted theme, no budget):
    /// true when <paramref name="product"/> cannot beat the worst one kept, so its limits need not even be checked.
    /// </summary>
    public bool CannotBeatOnSpanAndId(int product)
    {
        if (!IsFull) return false;
        var worst = _heap.Peek();
        ref readonly var facts = ref _snapshot.Columns.Facts[product];
        var span = _ageAsked ? facts.MaxAge - facts.MinAge : 0;
        return span != worst.AgeSpan ? span > worst.AgeSpan : facts.IdOrder > worst.IdOrder;
    }

    /// <summary>Starts loading what <see cref="Offer"/> will read of a product a few candidates from now.</summary>
    /// <param name="vector">Also its meaning row; not while probing a cluster, whose rows are read forward in memory, so the
    /// processor fetches them ahead by itself, and finding a product's row first would be one more wait for memory.</param>
    public void Prefetch(int product, bool vector = true)
    {
        MemoryPrefetch.Of(ref _snapshot.Columns.Facts[product]);
        if (vector && _wish is not null) _snapshot.Meaning.Prefetch(product);
    }

    /// <summary>Checks every hard limit and keeps the product if it is among the best so far; true when it passed the limits.</summary>
    public bool Offer(int product)
    {
        if (!_filter.Passes(product)) return false;
        ref readonly var facts = ref _snapshot.Columns.Facts[product];
        var matches = _filter.Matches(product);
        // Fewer matched themes than the worst kept can never get in: skip the dot product.
        if (IsFull && matches < _heap.Peek().Matches) return true;
        var candidate = new Candidate(product, matches, 0,
            _criteria.PriceTarget is { } target ? Math.Abs(target - facts.Price) : 0,
            _ageAsked ? facts.MaxAge - facts.MinAge : 0,
            facts.IdOrder);
        if (_wish is not null)
        {
            // The one-byte vectors settle the meaning step unless the exact similarity may lie on either side of a step;
            // then the exact row is read, but only when the product could get in at the higher step.
            var (similarity, error) = _snapshot.Meaning.Approximate(product, _wish);
            error *= Math.Max(1f, _wishLength * 1.001f);
            var (low, high) = (MeaningStep(similarity - error), MeaningStep(similarity + error));
            if (low != high && IsFull && Compare(candidate with { MeaningStep = high }, _heap.Peek()) >= 0) return true;
            candidate = candidate with { MeaningStep = low == high ? low : MeaningStep(_snapshot.Meaning.Similarity(product, _wish)) };
        }
        if (!IsFull)
            _heap.Enqueue(candidate, candidate);
        else if (Compare(candidate, _heap.Peek()) < 0)
            _heap.EnqueueDequeue(candidate, candidate);
        return true;
    }

    /// <summary>The kept products, best first.</summary>
    public List<Product> Best()
    {
        var kept = new List<Candidate>(_heap.Count);
        while (_heap.TryDequeue(out var candidate, out _)) kept.Add(candidate);
        kept.Sort(Compare);
        return kept.Select(c => _snapshot.Products[c.Product]).ToList();
    }

    /// <summary>Meaning in steps of 0.05, so near ties fall to price.</summary>
    private static int MeaningStep(float similarity) => (int)MathF.Floor(similarity * 20);

    private static int Compare(Candidate a, Candidate b)
    {
        var order = b.Matches.CompareTo(a.Matches);
        if (order == 0) order = b.MeaningStep.CompareTo(a.MeaningStep);
        if (order == 0) order = a.PriceDistance.CompareTo(b.PriceDistance);
        if (order == 0) order = a.AgeSpan.CompareTo(b.AgeSpan);
        return order != 0 ? order : a.IdOrder.CompareTo(b.IdOrder);
    }

    private readonly record struct Candidate(int Product, int Matches, int MeaningStep, decimal PriceDistance, int AgeSpan, int IdOrder);
}
