import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { useEffect, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { loadStats, type HomeStats } from './api';
import { deliveriesLink, listLink, UIDS } from './links';
import { useT } from './translate';

type State = { status: 'loading' } | { status: 'error' } | { status: 'ready'; stats: HomeStats };

function useStats(): State {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    loadStats().then(
      (stats) => current && setState({ status: 'ready', stats }),
      () => current && setState({ status: 'error' }),
    );
    return () => {
      current = false;
    };
  }, []);
  return state;
}

/** Loading, error and ready states shared by every widget. */
function StatsWidget({ children }: { children(stats: HomeStats): ReactNode }) {
  const state = useStats();
  const t = useT();
  if (state.status === 'loading') return <Widget.Loading />;
  if (state.status === 'error') return <Widget.Error>{t('widget.error')}</Widget.Error>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} height="100%">
      {children(state.stats)}
    </Flex>
  );
}

function Figure({ value, label }: { value: ReactNode; label: ReactNode }) {
  return (
    <Box>
      <Typography variant="alpha" tag="p" textColor="neutral800">
        {value}
      </Typography>
      <Typography variant="omega" tag="p" textColor="neutral600">
        {label}
      </Typography>
    </Box>
  );
}

function To({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link tag={RouterLink} to={to}>
      {children}
    </Link>
  );
}

/** "—" with a spoken label, for figures whose table does not exist yet. */
function Unavailable() {
  const t = useT();
  return (
    <Typography variant="alpha" tag="p" textColor="neutral600">
      <span aria-label={t('widget.unavailable.label')} title={t('widget.unavailable.label')}>
        {t('widget.unavailable')}
      </span>
    </Typography>
  );
}

const useNumber = () => {
  const { formatNumber } = useIntl();
  return (value: number) => formatNumber(value);
};

export function OwnersWidget() {
  const t = useT();
  const n = useNumber();
  return (
    <StatsWidget>
      {({ owners, window }) => (
        <>
          <Figure
            value={n(owners.total)}
            label={t('widget.owners.total', { count: owners.total })}
          />
          <To to={listLink(UIDS.owner, [['createdAt', '$gte', window.weekAgo]], 'createdAt:DESC')}>
            {t('widget.owners.new', { count: n(owners.newThisWeek) })}
          </To>
          <To to={listLink(UIDS.owner, [], 'createdAt:DESC')}>{t('widget.owners.link')}</To>
        </>
      )}
    </StatsWidget>
  );
}

export function VehiclesWidget() {
  const t = useT();
  const n = useNumber();
  return (
    <StatsWidget>
      {({ vehicles }) => (
        <>
          <Figure
            value={n(vehicles.total)}
            label={t('widget.vehicles.total', { count: vehicles.total })}
          />
          <To to={listLink(UIDS.vehicle, [], 'createdAt:DESC')}>{t('widget.vehicles.link')}</To>
        </>
      )}
    </StatsWidget>
  );
}

export function ServicesDueWidget() {
  const t = useT();
  const n = useNumber();
  return (
    <StatsWidget>
      {({ servicesDue, window }) => (
        <>
          <Figure
            value={n(servicesDue.thisWeek)}
            label={t('widget.services.due', { count: servicesDue.thisWeek })}
          />
          <To
            to={listLink(
              UIDS.serviceRecord,
              [
                ['status', '$eq', 'scheduled'],
                ['scheduledAt', '$gte', window.now],
                ['scheduledAt', '$lt', window.weekAhead],
              ],
              'scheduledAt:ASC',
            )}
          >
            {t('widget.services.link')}
          </To>
        </>
      )}
    </StatsWidget>
  );
}

export function DeliveriesWidget() {
  const t = useT();
  const n = useNumber();
  return (
    <StatsWidget>
      {({ deliveries }) =>
        deliveries ? (
          <Flex gap={6}>
            <Box>
              <Figure value={n(deliveries.sent)} label={t('widget.deliveries.sent')} />
              <To to={deliveriesLink('sent')}>{t('widget.deliveries.sentLink')}</To>
            </Box>
            <Box>
              <Figure value={n(deliveries.failed)} label={t('widget.deliveries.failed')} />
              <To to={deliveriesLink('failed')}>{t('widget.deliveries.failedLink')}</To>
            </Box>
          </Flex>
        ) : (
          <Unavailable />
        )
      }
    </StatsWidget>
  );
}

export function RecallsWidget() {
  const t = useT();
  const n = useNumber();
  return (
    <StatsWidget>
      {({ recalls }) => {
        if (!recalls) return <Unavailable />;
        const statuses = Object.entries(recalls.byStatus);
        return (
          <>
            <Figure value={n(recalls.total)} label={t('widget.recalls.title')} />
            {recalls.total === 0 ? (
              <Typography textColor="neutral600">{t('widget.recalls.none')}</Typography>
            ) : (
              <Box tag="ul">
                {statuses.map(([status, count]) => (
                  <li key={status}>
                    <To to={listLink(UIDS.recall, [['status', '$eq', status]])}>
                      {t('widget.recalls.status', { status, count: n(count) })}
                    </To>
                  </li>
                ))}
              </Box>
            )}
          </>
        );
      }}
    </StatsWidget>
  );
}

export function CentersWidget() {
  const t = useT();
  const n = useNumber();
  return (
    <StatsWidget>
      {({ centers }) =>
        centers ? (
          <>
            <Figure
              value={n(centers.needsCoordinates)}
              label={t('widget.centers.count', { count: centers.needsCoordinates })}
            />
            <To to={listLink(UIDS.center, [['needsCoordinates', '$eq', 'true']])}>
              {t('widget.centers.link')}
            </To>
          </>
        ) : (
          <Unavailable />
        )
      }
    </StatsWidget>
  );
}
