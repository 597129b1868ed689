import type { Template } from 'aws-cdk-lib/assertions';

/** A dashboard widget as CloudWatch stores it (the fields tests look at). */
export interface DashboardWidget {
  readonly type: string;
  readonly width: number;
  readonly properties: {
    readonly title?: string;
    readonly markdown?: string;
    readonly metrics?: unknown[][];
    readonly alarms?: unknown[];
  };
}

/**
 * Parses the body of each `AWS::CloudWatch::Dashboard` in a template into its widgets, with every token (a Ref,
 * a GetAtt) replaced by `${TOKEN}`, so a test can assert which metrics a dashboard shows.
 *
 * @example
 * const [widgets] = dashboardWidgets(Template.fromStack(stack));
 * expect(widgets.map((w) => w.properties.title)).toContain('PlaceOrder: p99 duration (ms)');
 */
export function dashboardWidgets(template: Template): DashboardWidget[][] {
  return Object.values(template.findResources('AWS::CloudWatch::Dashboard')).map((dashboard) => {
    const body = dashboard.Properties.DashboardBody as string | { 'Fn::Join': [string, unknown[]] };
    const text =
      typeof body === 'string'
        ? body
        : body['Fn::Join'][1].map((p) => (typeof p === 'string' ? p : '${TOKEN}')).join('');
    return (JSON.parse(text) as { widgets: DashboardWidget[] }).widgets;
  });
}
