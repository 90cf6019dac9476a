import home from './controllers';
import routes from './routes';

/**
 * MotorGhar's admin console: the figures of the homepage widgets and the names the list
 * columns show instead of raw ids. It reads the app's tables at run time by uid or table
 * name and imports no app code; a table that does not exist yet reads as null ("—").
 */
export default {
  controllers: { home },
  routes,
};
