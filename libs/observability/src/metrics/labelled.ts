/**
 * A metric's labelled children, looked up once per label pair: a hot path pays two map lookups
 * per observation instead of prom-client's key string built from a fresh labels object.
 */
export class LabelledChildren<TChild> {
  private readonly children = new Map<string, Map<string, TChild>>();

  constructor(private readonly create: (first: string, second: string) => TChild) {}

  get(first: string, second: string): TChild {
    let inner = this.children.get(first);
    if (!inner) this.children.set(first, (inner = new Map()));
    let child = inner.get(second);
    if (!child) inner.set(second, (child = this.create(first, second)));
    return child;
  }
}
